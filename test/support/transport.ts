import { createDispatcher, defaultTimeouts, type HttpTimeouts } from '../../src/providers/kit/dispatcher';
import type { HttpTransport } from '../../src/providers/kit/http-client';
import { defaultRetryPolicy, type RetryPolicy } from '../../src/providers/kit/retry';

/** A transport for adapter tests: short timeouts, fast retries. Close its dispatcher in afterAll. */
export function testTransport(overrides: { timeouts?: Partial<HttpTimeouts>; retry?: Partial<RetryPolicy> } = {}): HttpTransport {
  const timeouts = { ...defaultTimeouts, headersMs: 2000, bodyMs: 2000, ...overrides.timeouts };
  return {
    dispatcher: createDispatcher(timeouts),
    timeouts,
    retry: { ...defaultRetryPolicy, baseDelayMs: 5, maxDelayMs: 50, ...overrides.retry },
  };
}
