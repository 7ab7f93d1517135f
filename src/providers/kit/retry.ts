/**
 * The retry policy, in one place. Reads retry on retryable failures; a write retries only when it carries an
 * idempotency key that the provider honours, because a blind retry can write twice.
 */
export interface RetryPolicy {
  /** Attempts after the first. @default 2 (env `HTTP_RETRIES`) */
  retries: number;
  /** First backoff; doubles each attempt, with jitter. @default 100 */
  baseDelayMs: number;
  /** Cap for one wait, including a provider's Retry-After. @default 2000 */
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { retries: 2, baseDelayMs: 100, maxDelayMs: 2000 };

export function backoffDelay(policy: RetryPolicy, attempt: number, retryAfterMs: number | null): number {
  if (retryAfterMs !== null) return Math.min(retryAfterMs, policy.maxDelayMs);
  const exponential = policy.baseDelayMs * 2 ** attempt;
  const jitter = Math.random() * policy.baseDelayMs;
  return Math.min(exponential + jitter, policy.maxDelayMs);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
