/**
 * How often and how patiently a failed call is sent again (applied by `resilience.ts`). Reads retry on retryable
 * failures; a write retries only when it carries an idempotency key that the provider honours, because a blind
 * retry can write twice.
 */
export interface RetryPolicy {
  /**
   * Attempts after the first. @default 4 (env `HTTP_RETRIES`): under a fault mix of 20 % 503, 10 % 429 and 5 % hung
   * answers, three attempts leave ~4 % of calls failed (0.35³) and a read of several calls fails far more often;
   * five attempts (~0.5 %) keep ≥ 98 % of reads whole. Every retry still has to fit the request deadline.
   */
  retries: number;
  /** First backoff; doubles each attempt, with jitter. @default 100 */
  baseDelayMs: number;
  /** Cap for one backoff sleep, a provider's Retry-After included (the rate budget holds the next attempt for the rest). @default 2000 */
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { retries: 4, baseDelayMs: 100, maxDelayMs: 2000 };
