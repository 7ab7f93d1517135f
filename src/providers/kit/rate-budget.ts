/**
 * Providers limit callers by rate, so every upstream attempt first takes one unit of its provider's rate budget.
 *
 * The interface is small and async on purpose: one instance keeps its budgets in memory (`TokenBucketBudget`),
 * several instances share them through the state port (a Redis implementation of this same interface).
 *
 * - `acquire` is called once per HTTP attempt, right before the request is sent (never around a whole loader
 *   call), so a retry sleeping in its backoff holds nothing. It resolves when the call may start; it rejects with
 *   a `ProviderError` (`RATE_LIMITED`) at once when the wait would outlast the request's deadline or the
 *   budget's longest wait, and with the signal's reason when the request is cancelled while waiting.
 * - `onAnswered` (optional) is called for every other answer, so that a run of 429s can be told from stray ones.
 * - `onThrottled` is called when the provider answered 429 anyway (its limit is lower than configured, shared
 *   with other clients, or changed): the budget slows down, waits out `retryAfterMs` when the provider gave one,
 *   and recovers gradually.
 */
export interface RateBudget {
  acquire(provider: string, options: RateBudgetWait): Promise<void>;
  /**
   * Takes one unit at once when the budget has one in memory and nobody waits before this call: true. False
   * leaves the budget as it was, and the caller goes through `acquire` (to wait, be refused, or ask a shared
   * store). Optional: a budget without it is always asked through `acquire`.
   */
  tryAcquire?(provider: string): boolean;
  onThrottled(provider: string, retryAfterMs: number | null): void | Promise<void>;
  /** The provider answered with anything but 429: a run of 429s (a sign of a real limit, see throttle-window.ts) ends. */
  onAnswered?(provider: string): void;
  /** The provider's limit changed (the embedded sandbox was told to enforce another one): pace by it from now on. */
  setLimit?(provider: string, limit: RateLimit): void;
}

export interface RateBudgetWait {
  signal?: AbortSignal | undefined;
  /** Epoch milliseconds by which the request must be done; a wait that would end later is refused at once. */
  deadline?: number | undefined;
}

/** One provider's budget: a token bucket. */
export interface RateLimit {
  /** Sustained calls per second; `null` for no limit (a 429 still slows the budget down, learning the limit). */
  perSecond: number | null;
  /** Calls that may start at once after a quiet spell (the bucket's size). */
  burst: number;
}

/** The limit a provider publishes, kept in the provider's own folder with the page it comes from. */
export interface PublishedRateLimit extends RateLimit {
  /** Where the number comes from, for the README and for whoever checks it next. */
  source: string;
}

export const unlimited: RateLimit = { perSecond: null, burst: 1 };
