import { ConcurrencyCeiling } from '../../src/providers/kit/concurrency-ceiling';
import { createDispatcher, defaultTimeouts, type HttpTimeouts } from '../../src/providers/kit/dispatcher';
import type { HttpTransport } from '../../src/providers/kit/http-client';
import type { RateBudget } from '../../src/providers/kit/rate-budget';
import { defaultRetryPolicy, type RetryPolicy } from '../../src/providers/kit/retry';
import { TokenBucketBudget } from '../../src/providers/kit/token-bucket';

/** A transport for adapter tests: short timeouts, fast retries. Close its dispatcher in afterAll. */
export function testTransport(
  overrides: { timeouts?: Partial<HttpTimeouts>; retry?: Partial<RetryPolicy>; budget?: RateBudget; concurrency?: number } = {},
): HttpTransport {
  const timeouts = { ...defaultTimeouts, headersMs: 2000, bodyMs: 2000, ...overrides.timeouts };
  return {
    dispatcher: createDispatcher(timeouts),
    timeouts,
    retry: { ...defaultRetryPolicy, baseDelayMs: 5, maxDelayMs: 50, ...overrides.retry },
    budget: overrides.budget ?? new TokenBucketBudget({ limits: {}, maxWaitMs: 10_000 }),
    ceiling: new ConcurrencyCeiling(overrides.concurrency ?? 64),
  };
}
