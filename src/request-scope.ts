/** Upstream calls one request made so far, by provider: what the request log line and the budget read. */
export interface UpstreamCallCount {
  total: number;
  byProvider: Record<string, number>;
  /** Calls refused because the request had used its whole budget. */
  refused: number;
}

/** A request asked for more upstream calls than its budget: the call was never sent. */
export class UpstreamBudgetExceededError extends Error {
  readonly code = 'UPSTREAM_BUDGET_EXCEEDED';
  constructor(
    readonly budget: number,
    readonly provider: string,
  ) {
    super(`This request used its whole budget of ${budget} upstream calls; the call to ${provider} was not made.`);
    this.name = 'UpstreamBudgetExceededError';
  }
}

/**
 * The counter of actual upstream calls of one request. Every HTTP attempt to a provider (retries included)
 * records itself here before it is sent; past the budget it is refused, so no request can cost more than that.
 */
export class UpstreamCalls {
  private readonly counts = new Map<string, number>();
  private totalCalls = 0;
  private refusedCalls = 0;

  constructor(readonly budget: number) {}

  get total(): number {
    return this.totalCalls;
  }

  record(provider: string): void {
    if (this.totalCalls >= this.budget) {
      this.refusedCalls++;
      throw new UpstreamBudgetExceededError(this.budget, provider);
    }
    this.totalCalls++;
    this.counts.set(provider, (this.counts.get(provider) ?? 0) + 1);
  }

  snapshot(): UpstreamCallCount {
    return { total: this.totalCalls, byProvider: Object.fromEntries(this.counts), refused: this.refusedCalls };
  }
}

/** What code deep in the call path (the HTTP layer, the last-line handlers) may know about the request it serves. */
export interface RequestScope {
  requestId: string;
  upstreamCalls: UpstreamCalls;
}

/*
 * The scope travels with the request's AbortSignal, as its deadline does (`providers/kit/deadline.ts`): every
 * upstream call already carries that signal, so the HTTP layer finds the request without an AsyncLocalStorage.
 * On Node 20 an AsyncLocalStorage turns on promise hooks for every promise in the process; measured at 20 ms
 * provider latency, a page of 20 customers with state cost about 12 % more CPU per query with one.
 */
const scopes = new WeakMap<AbortSignal, RequestScope>();
/** Errors raised by a request's upstream calls, with that request's id: what the last line names. */
const errorRequests = new WeakMap<object, string>();

/** Makes `scope` the scope of every upstream call made with `signal` (the request's own, from `createContext`). */
export function bindRequestScope(signal: AbortSignal, scope: RequestScope): void {
  scopes.set(signal, scope);
}

/** The scope of the request an upstream call serves, or undefined outside one (start-up, the identity index build). */
export function requestScopeOf(signal: AbortSignal | undefined): RequestScope | undefined {
  return signal === undefined ? undefined : scopes.get(signal);
}

/** Remembers which request raised `error`, so that if nobody handles it the last line can say. */
export function markRequestError(error: unknown, requestId: string): void {
  if (typeof error === 'object' && error !== null && !errorRequests.has(error)) errorRequests.set(error, requestId);
}

/** The request that raised `error` or one of its causes (a GraphQL error's original error, an error's `cause`). */
export function requestOfError(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const requestId = errorRequests.get(current);
    if (requestId !== undefined) return requestId;
    const { originalError, cause } = current as { originalError?: unknown; cause?: unknown };
    current = originalError ?? cause;
  }
  return undefined;
}
