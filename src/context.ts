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
  /**
   * A new deadline and upstream call budget from now on, for the next event of a subscription: one subscription
   * keeps its context for its whole life, and an event minutes later must not inherit a deadline long past.
   */
  renewDeadline(): void;
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
  const begin = () => {
    const started = requestDeadline(gateway.deadlineMs, [request.signal, gateway.shutdownSignal]);
    // Every upstream call listens on the request's signal; one query may fan out to hundreds of calls at once.
    setMaxListeners(1000, started.signal);
    const upstreamCalls = new UpstreamCalls(request.upstreamBudget);
    // Every upstream call of this request carries its signal, and through it the request's id and call count.
    bindRequestScope(started.signal, { requestId: request.requestId, upstreamCalls });
    return { ...started, upstreamCalls };
  };
  const first = begin();
  const environment: LoaderEnvironment = {
    directory: request.fresh === true ? gateway.freshDirectory : gateway.directory,
    identityIndex: gateway.identityIndex,
    signal: first.signal,
    cursors: gateway.cursors,
    listings: new Listings(),
  };
  const context: GraphContext = {
    gateway,
    loaders: createLoaders(environment),
    environment,
    signal: first.signal,
    deadline: first.deadline,
    partialErrors: [],
    requestId: request.requestId,
    upstreamCalls: first.upstreamCalls,
    caller: anonymousCaller,
    release: first.release,
    renewDeadline() {
      context.release();
      const next = begin();
      // Loaders read the environment's signal when they call, so the next event's reads carry the new one.
      environment.signal = next.signal;
      context.signal = next.signal;
      context.deadline = next.deadline;
      context.upstreamCalls = next.upstreamCalls;
      context.release = next.release;
    },
  };
  return context;
}
