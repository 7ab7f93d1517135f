import { setMaxListeners } from 'node:events';
import type { GraphQLError } from 'graphql';
import { anonymousCaller, type Caller } from './caller';
import type { LoaderEnvironment } from './loaders/environment';
import { Listings } from './loaders/listings';
import { createLoaders, type Loaders } from './loaders/loaders';
import { requestDeadline } from './providers/kit/deadline';
import type { Gateway } from './gateway';
import { UpstreamCalls, bindRequestScope } from './request-scope';

/** One request's context: fresh loaders, the request's AbortSignal, and errors reported beside partial data. */
export interface GraphContext {
  gateway: Gateway;
  loaders: Loaders;
  environment: LoaderEnvironment;
  /** Aborts when the client goes away, the app shuts down, or the request's deadline passes (it carries the deadline). */
  signal: AbortSignal;
  /** Epoch milliseconds by which the request's upstream work must be done. */
  deadline: number;
  /** Errors of providers that failed while others answered; appended to the response's `errors`. */
  partialErrors: GraphQLError[];
  /** The request's id: from a sane `x-request-id` header, else generated. */
  requestId: string;
  /** Upstream calls this request made, by provider; refuses calls past the budget. */
  upstreamCalls: UpstreamCalls;
  /** Who is calling, with their scopes; set by the front door before execution. */
  caller: Caller;
  /** Called once the answer is complete: ends the deadline's timer and its links to the client's and shutdown's signals. */
  release(): void;
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
  // The caller leaving, the gateway's shutdown and the request's deadline all cut its upstream calls short.
  const { signal, deadline, release } = requestDeadline(gateway.deadlineMs, [request.signal, gateway.shutdownSignal]);
  // Every upstream call listens on the request's signal; one query may fan out to hundreds of calls at once.
  setMaxListeners(1000, signal);
  const environment: LoaderEnvironment = {
    directory: request.fresh === true ? gateway.freshDirectory : gateway.directory,
    identityIndex: gateway.identityIndex,
    signal,
    cursors: gateway.cursors,
    listings: new Listings(),
  };
  const upstreamCalls = new UpstreamCalls(request.upstreamBudget);
  // Every upstream call of this request carries its signal, and through it the request's id and call count.
  bindRequestScope(signal, { requestId: request.requestId, upstreamCalls });
  return {
    gateway,
    loaders: createLoaders(environment),
    environment,
    signal,
    deadline,
    partialErrors: [],
    requestId: request.requestId,
    upstreamCalls,
    caller: anonymousCaller,
    release,
  };
}
