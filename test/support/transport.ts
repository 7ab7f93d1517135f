import { ConcurrencyCeiling } from '../../src/providers/http/concurrency-ceiling';
import { createDispatcher, defaultTimeouts, type HttpTimeouts } from '../../src/providers/http/dispatcher';
import { createResilience, defaultFaultSettings, type FaultSettings } from '../../src/providers/http/fault-settings';
import type { HttpTransport } from '../../src/providers/http/http-client';
import type { RateBudget } from '../../src/providers/http/rate-budget';
import { defaultRetryPolicy, type RetryPolicy } from '../../src/providers/http/retry';
import { TokenBucketBudget } from '../../src/providers/http/token-bucket';

/** A transport for adapter tests: short timeouts, fast retries. Close its dispatcher in afterAll. */
export function testTransport(
  overrides: { timeouts?: Partial<HttpTimeouts>; retry?: Partial<RetryPolicy>; budget?: RateBudget; concurrency?: number; faults?: Partial<FaultSettings> } = {},
): HttpTransport {
  const timeouts = { ...defaultTimeouts, headersMs: 2000, bodyMs: 2000, ...overrides.timeouts };
  const retry = { ...defaultRetryPolicy, baseDelayMs: 5, maxDelayMs: 50, ...overrides.retry };
  return {
    dispatcher: createDispatcher(timeouts),
    timeouts,
    retry,
    // A fresh breaker per transport: one test's dead provider never leaks into the next. No hedging unless asked:
    // a hedge depends on timing, and tests count upstream calls.
    resilience: createResilience({ ...defaultFaultSettings, readTimeoutMs: 2000, hedging: false, ...overrides.faults }, retry),
    budget: overrides.budget ?? new TokenBucketBudget({ limits: {}, maxWaitMs: 10_000 }),
    ceiling: new ConcurrencyCeiling(overrides.concurrency ?? 64),
  };
}
