import { describe, expect, it } from 'vitest';
import { providerNames } from '../../src/providers/provider-names';
import { gatewayUnderTest } from '../support/gateway';
import { startTestSandbox } from '../support/provider-setup';

/**
 * Nothing waits outside the request's deadline, through the whole product: every provider hangs every call
 * (`hangRate: 1`), the external-ID indexes of Omise and Synctera have never been built, and the read timeout is
 * far longer than the deadline. Each query and write must answer by the deadline (plus scheduling slack) with a
 * typed error on each failed part: neither an index build shared with other requests, nor a retry, nor a
 * Retry-After or rate-budget wait may hold it longer.
 */
const deadlineMs = 600;
const readTimeoutMs = 3000;
/** Far below `readTimeoutMs`: an answer this late could only come from something the deadline does not bound. */
const bound = deadlineMs + 900;

const sandbox = await startTestSandbox('all', { people: 40, resetBeforeEach: false });
// Hung before the gateway starts: its first index builds fail after one read timeout, so every lookup below starts a new one.
sandbox.setFaults(Object.fromEntries(providerNames.map((name) => [name, { hangRate: 1 }])));
const gateway = await gatewayUnderTest({
  sandbox,
  retry: { retries: 4 },
  // Breakers that never open here: each query must be bounded by the deadline, not by a breaker failing it fast.
  faults: { deadlineMs, readTimeoutMs, breaker: { consecutiveFailures: 1000, failureRatio: 0.99, halfOpenAfterMs: 60_000 } },
});

const codes = (errors: { extensions?: Record<string, unknown> }[] | undefined) => new Set((errors ?? []).map((error) => error.extensions?.code));

describe('every provider hung (hangRate: 1), indexes unbuilt', () => {
  const reads: [string, string, Record<string, unknown>][] = [
    ['profile (index lookups at Omise and Synctera)', 'query ($x: String!) { profile(externalId: $x) { customers { id } unavailableFrom } }', { x: 'user_000001' }],
    ['customersByExternalIds (index lookups at Omise and Synctera)', 'query ($x: [String!]!) { customersByExternalIds(externalIds: $x) { id } }', { x: ['user_000001', 'user_000002'] }],
    ['customers merged over all five', '{ customers(first: 5) { nodes { id } } }', {}],
    ['providers health', '{ providers { name health { state } } }', {}],
  ];

  for (const [name, query, variables] of reads) {
    it(`${name}: answers by the deadline with typed errors`, async () => {
      const started = performance.now();
      const result = await gateway.run(query, variables);
      const took = performance.now() - started;
      expect(took).toBeLessThan(bound);
      if (name !== 'providers health') {
        expect(result.errors?.length ?? 0).toBeGreaterThan(0);
        expect([...codes(result.errors)].every((code) => code === 'PROVIDER_TIMEOUT')).toBe(true);
      }
    });
  }

  it('a create with an external ID at an indexed provider (conflict check through the index) answers by the deadline', async () => {
    const started = performance.now();
    const result = await gateway.run(
      'mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { __typename ... on ProviderError { code outcomeUnknown retryable } } }',
      { input: { provider: 'SYNCTERA', email: 'hung.walk@example.com', name: 'Hung Walk', externalId: 'hung_walk_1', idempotencyKey: 'hung-walk-1' } },
    );
    expect(performance.now() - started).toBeLessThan(bound);
    // Cut off while it waited for the index: nothing was sent, so the outcome is known (nothing written).
    expect(result.data?.createCustomer).toMatchObject({ __typename: 'ProviderError', code: 'PROVIDER_TIMEOUT', outcomeUnknown: false, retryable: true });
  });

  it('ten concurrent profiles, while the shared index builds run on, all answer by the deadline', async () => {
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) => gateway.run('query ($x: String!) { profile(externalId: $x) { customers { id } } }', { x: `user_00000${index}` })),
    );
    expect(performance.now() - started).toBeLessThan(bound);
    for (const result of results) expect(codes(result.errors)).toEqual(new Set(['PROVIDER_TIMEOUT']));
  });
});
