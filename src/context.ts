import { setMaxListeners } from 'node:events';
import type { GraphQLError } from 'graphql';
import { anonymousCaller, type Caller } from './front-door/scopes';
import type { CursorSigner } from './loaders/cursor-signer';
import type { ChangeFeed } from './changes/change-feed';
import type { LoaderEnvironment } from './loaders/environment';
import { Listings } from './loaders/listings';
import { createLoaders, type Loaders } from './loaders/loaders';
import { UpstreamCalls } from './request-scope';
import type { IdentityIndex } from './routing/identity-index';
import type { ProviderDirectory } from './routing/provider-directory';
import type { StateStore } from './state/state-port';
import type { WriteLedger } from './writes/write-ledger';

/** What lives as long as the app: adapters, the identity index, the idempotency ledger, the state store. */
export interface Gateway {
  directory: ProviderDirectory;
  identityIndex: IdentityIndex;
  writeLedger: WriteLedger;
  /** Aborted when a shutdown's grace period ends; part of every request's signal. */
  shutdownSignal: AbortSignal;
  /** What instances share: memory for one, Redis for several. */
  state: StateStore;
  /** Signs list cursors with `CURSOR_SECRET`, so a cursor cannot be forged or altered. */
  cursors: CursorSigner;
  /** The same adapters, reading past the read cache (its answers still refresh it). */
  freshDirectory: ProviderDirectory;
  /** Customer changes for `customerChanged` subscribers. */
  changes: ChangeFeed;
}

/** One request's context: fresh loaders, the request's AbortSignal, and errors reported beside partial data. */
export interface GraphContext {
  gateway: Gateway;
  loaders: Loaders;
  environment: LoaderEnvironment;
  signal: AbortSignal | undefined;
  /** Errors of providers that failed while others answered; appended to the response's `errors`. */
  partialErrors: GraphQLError[];
  /** The request's id: from a sane `x-request-id` header, else generated. */
  requestId: string;
  /** Upstream calls this request made, by provider; refuses calls past the budget. */
  upstreamCalls: UpstreamCalls;
  /** Who is calling, with their scopes; set by the front door before execution. */
  caller: Caller;
  /** `providers { health }` answers, one check per provider and request however often it is asked. */
  providerHealth: Map<string, Promise<unknown>>;
}

export interface RequestFacts {
  signal: AbortSignal | undefined;
  requestId: string;
  /** Most upstream calls the request may make. */
  upstreamBudget: number;
  /** The caller asked for fresh data (`Cache-Control: no-cache`): reads skip the read cache. */
  fresh?: boolean;
}

export function createContext(gateway: Gateway, request: RequestFacts): GraphContext {
  // The caller leaving and the gateway's shutdown both cut a request's upstream calls short.
  const signal = request.signal === undefined ? gateway.shutdownSignal : AbortSignal.any([request.signal, gateway.shutdownSignal]);
  // Every upstream call listens on the request's signal; one query may fan out to hundreds of calls at once.
  setMaxListeners(1000, signal);
  const environment: LoaderEnvironment = {
    directory: request.fresh === true ? gateway.freshDirectory : gateway.directory,
    identityIndex: gateway.identityIndex,
    signal,
    cursors: gateway.cursors,
    listings: new Listings(),
  };
  return {
    gateway,
    loaders: createLoaders(environment),
    environment,
    signal,
    partialErrors: [],
    requestId: request.requestId,
    upstreamCalls: new UpstreamCalls(request.upstreamBudget),
    caller: anonymousCaller,
    providerHealth: new Map(),
  };
}
