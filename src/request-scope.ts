import { AsyncLocalStorage } from 'node:async_hooks';

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

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `work` (an operation's execution) so everything it starts, however deep, sees this request's scope. */
export function runInRequestScope<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

/** The scope of the request being served, or undefined outside one (start-up, the identity index build). */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
