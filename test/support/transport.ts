import { afterAll } from 'vitest';
import { ConcurrencyCeiling } from '../../src/providers/kit/concurrency-ceiling';
import { createDispatcher, defaultTimeouts, type HttpTimeouts } from '../../src/providers/kit/dispatcher';
import type { HttpTransport } from '../../src/providers/kit/http-client';
import type { RateBudget } from '../../src/providers/kit/rate-budget';
import { defaultRetryPolicy, type RetryPolicy } from '../../src/providers/kit/retry';
import { TokenBucketBudget } from '../../src/providers/kit/token-bucket';
import { createResilience, defaultFaultSettings, type FaultSettings } from '../../src/providers/kit/fault-settings';

/** A transport for adapter tests: short timeouts, fast retries. Close its dispatcher in afterAll. */
export function testTransport(
  overrides: { timeouts?: Partial<HttpTimeouts>; retry?: Partial<RetryPolicy>; budget?: RateBudget; concurrency?: number; faults?: Partial<FaultSettings> } = {},
): HttpTransport {
  const timeouts = { ...defaultTimeouts, headersMs: 2000, bodyMs: 2000, ...overrides.timeouts };
  // Two retries (HTTP_RETRIES=2), not the product's default of 4: adapter tests count attempts at that setting.
  const retry = { ...defaultRetryPolicy, retries: 2, baseDelayMs: 5, maxDelayMs: 50, ...overrides.retry };
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

/**
 * For files that make transports inside their tests: returns a `testTransport` maker whose transports are all
 * closed after the file. Call once at the top level.
 */
export function transportsClosedAfterAll(): (overrides?: Parameters<typeof testTransport>[0]) => HttpTransport {
  const made: HttpTransport[] = [];
  afterAll(async () => {
    await Promise.all(made.map((transport) => transport.dispatcher.close()));
  });
  return (overrides) => {
    const transport = testTransport(overrides);
    made.push(transport);
    return transport;
  };
}
