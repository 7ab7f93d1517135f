import type { GraphQLError } from 'graphql';
import { anonymousCaller, type Caller } from './caller';
import type { LoaderEnvironment } from './loaders/environment';
import { Listings } from './loaders/listings';
import { createLoaders, type Loaders } from './loaders/loaders';
import { requestDeadline, type RequestDeadline } from './providers/kit/deadline';
import type { CallOptions } from './providers/spec/provider';
import type { Gateway } from './gateway';
import { UpstreamCalls, bindRequestScope } from './request-scope';

/** One request's context: fresh loaders, what its upstream calls carry, and errors reported beside partial data. */
export interface GraphContext {
  gateway: Gateway;
  loaders: Loaders;
  environment: LoaderEnvironment;
  /** The request's signal (carrying its deadline) and upstream call count; one object for the request's whole life. */
  calls: RequestCalls;
  /** Errors of providers that failed while others answered; appended to the response's `errors`. */
  partialErrors: GraphQLError[];
  /** The request's id: from a sane `x-request-id` header, else generated. */
  requestId: string;
  /** Who is calling, with their scopes; set by the front door before execution. */
  caller: Caller;
}

/**
 * What every upstream call of a request carries. The fields are getters on one object that lives as long as the
 * request (graphql-yoga copies the context's own fields into its context once, so a field replaced later would not
 * be seen there); `renew` moves them all to a new period.
 */
export interface RequestCalls extends CallOptions {
  /**
   * Aborts when the client goes away, the app shuts down, or the request's deadline passes (it carries the deadline:
   * `deadlineOf`).
   * Made when first read, by the first upstream call: a request answered from the read cache makes none.
   */
  readonly signal: AbortSignal;
  /** Upstream calls this request made, by provider; refuses calls past the budget. */
  readonly upstreamCalls: UpstreamCalls;
  /** Called once the answer is complete: ends the deadline's timer and its links to the client's and shutdown's signals. */
  release(): void;
  /**
   * A new deadline and upstream call budget from now on, for the next event of a subscription: one subscription
   * keeps its context for its whole life, and an event minutes later must not inherit a deadline long past.
   */
  renew(): void;
}

export interface RequestFacts {
  /** The client's signal (it aborts when the client goes away), read only when an upstream call needs it. */
  callerSignal: () => AbortSignal | undefined;
  requestId: string;
  /** Most upstream calls the request may make. */
  upstreamBudget: number;
  /** The caller asked for fresh data (`Cache-Control: no-cache`): reads skip the read cache. */
  fresh?: boolean;
}

interface Period {
  deadline: RequestDeadline;
  upstreamCalls: UpstreamCalls;
}

/** A class, not an object literal with getters: one is made for every request. */
class Calls implements RequestCalls {
  private period: Period;

  constructor(
    private readonly gateway: Gateway,
    private readonly request: RequestFacts,
  ) {
    this.period = this.begin();
  }

  get signal(): AbortSignal {
    return this.period.deadline.signal;
  }

  get upstreamCalls(): UpstreamCalls {
    return this.period.upstreamCalls;
  }

  release(): void {
    this.period.deadline.release();
  }

  renew(): void {
    this.period.deadline.release();
    this.period = this.begin();
  }

  // The caller leaving, the gateway's shutdown and the request's deadline all cut its upstream calls short. The
  // signal is made when the first upstream call reads it (see `requestDeadline`).
  private begin(): Period {
    const { request, gateway } = this;
    const upstreamCalls = new UpstreamCalls(request.upstreamBudget);
    const deadline = requestDeadline(gateway.deadlineMs, [request.callerSignal, () => gateway.shutdownSignal], {
      onSignal: (signal) => {
        // Every upstream call of this request carries its signal, and through it the request's id and call count.
        bindRequestScope(signal, { requestId: request.requestId, upstreamCalls });
      },
    });
    return { deadline, upstreamCalls };
  }
}

export function createContext(gateway: Gateway, request: RequestFacts): GraphContext {
  const calls = new Calls(gateway, request);
  const environment: LoaderEnvironment = {
    directory: request.fresh === true ? gateway.freshDirectory : gateway.directory,
    identityIndex: gateway.identityIndex,
    calls,
    cursors: gateway.cursors,
    listings: new Listings(),
  };
  return {
    gateway,
    loaders: createLoaders(environment),
    environment,
    calls,
    partialErrors: [],
    requestId: request.requestId,
    caller: anonymousCaller,
  };
}
