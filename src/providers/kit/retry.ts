/**
 * How often and how patiently a failed call is sent again (applied by `resilience.ts`). Reads retry on retryable
 * failures; a write retries only when it carries an idempotency key that the provider honours, because a blind
 * retry can write twice.
 */
export interface RetryPolicy {
  /** Attempts after the first. @default 2 (env `HTTP_RETRIES`) */
  retries: number;
  /** First backoff; doubles each attempt, with jitter. @default 100 */
  baseDelayMs: number;
  /** Cap for one backoff sleep, a provider's Retry-After included (the rate budget holds the next attempt for the rest). @default 2000 */
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { retries: 2, baseDelayMs: 100, maxDelayMs: 2000 };
