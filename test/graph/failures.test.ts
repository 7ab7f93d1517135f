import { describe, expect, it } from 'vitest';
import { CreateCustomerDocument, CustomerByIdDocument, CustomersPageDocument, CustomersWithStateDocument, NodesByIdsDocument, ProfileDocument } from '../generated/graphql';
import { gatewayUnderTest } from '../support/gateway';

/** DESIGN §6: one provider failing leaves the others' data in the response, with a coded error on the failed path. */

const gateway = await gatewayUnderTest({ people: 200, timeouts: { headersMs: 300, bodyMs: 300 }, retry: { retries: 1 } }, { fresh: true });

describe('partial failure', () => {
  it('profile: the other providers answer, the failed one is named with a coded error', async () => {
    gateway.sandbox.setFaults({ polar: { errorRate: 1, errorStatus: 503 } });
    const result = await gateway.execute(ProfileDocument, { externalId: 'user_000001' });
    const profile = result.data!.profile!;
    expect(profile.customers.map((customer) => customer.provider)).toEqual(['ORB', 'STIGG', 'OMISE', 'SYNCTERA']);
    expect(profile.unavailableFrom).toEqual(['POLAR']);
    expect(profile.missingFrom).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.path).toEqual(['profile']);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'PROVIDER_UPSTREAM_ERROR', provider: 'polar', status: 503, retryable: true });
  });

  it('merged list: the others still page, the failed provider is reported and resumes later', async () => {
    const healthy = await gateway.execute(CustomersPageDocument, { first: 60 });
    const expected = healthy.data!.customers.edges.map((edge) => edge.node.id);
    gateway.sandbox.setFaults({ omise: { errorRate: 1 } });
    const degraded = await gateway.execute(CustomersPageDocument, { first: 30 });
    expect(degraded.errors?.map((error) => error.extensions?.provider)).toEqual(['omise']);
    const ids = degraded.data!.customers.edges.map((edge) => edge.node.id);
    expect(ids.some((id) => id.startsWith('omise:'))).toBe(false);
    expect(ids).toEqual(expected.filter((id) => !id.startsWith('omise:')).slice(0, 30));
    expect(degraded.data!.customers.totalCount).toBeNull();
    expect(degraded.data!.customers.pageInfo.hasNextPage).toBe(true);
  });

  it('a state call failing nulls that field only, with the error on its path', async () => {
    gateway.sandbox.setFaults({ polar: { errorRate: 1 } });
    const list = await gateway.execute(CustomersPageDocument, { provider: 'POLAR', first: 2 });
    expect(list.errors).toBeDefined();
    gateway.sandbox.setFaults({});
    const ids = (await gateway.execute(CustomersPageDocument, { provider: 'POLAR', first: 2 })).data!.customers.edges.map((edge) => edge.node.id);
    gateway.sandbox.setFaults({ polar: { errorRate: 1 } });
    const result = await gateway.run(
      `query Mixed($polar: ID!) { nodes(ids: [$polar]) { id } customers(provider: ORB, first: 1) { nodes { id } } }`,
      { polar: ids[0] },
    );
    expect(result.data?.customers.nodes).toHaveLength(1);
    expect(result.data?.nodes).toEqual([null]);
    expect(result.errors?.[0]).toMatchObject({ path: ['nodes', 0], extensions: { provider: 'polar' } });
  });

  it('a provider that hangs times out with PROVIDER_TIMEOUT, and the other nodes still resolve', async () => {
    const synctera = (await gateway.execute(CustomersPageDocument, { provider: 'SYNCTERA', first: 1 })).data!.customers.edges[0]!.node.id;
    const orb = (await gateway.execute(CustomersPageDocument, { provider: 'ORB', first: 1 })).data!.customers.edges[0]!.node.id;
    gateway.sandbox.setFaults({ synctera: { hangRate: 1 } });
    const started = performance.now();
    const result = await gateway.execute(NodesByIdsDocument, { ids: [orb, synctera] });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.data!.nodes[0]?.id).toBe(orb);
    expect(result.data!.nodes[1]).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'PROVIDER_TIMEOUT', provider: 'synctera', retryable: true });
  });

  it('retries a read after a 429 and succeeds when the provider recovers', async () => {
    const ids = (await gateway.execute(CustomersPageDocument, { provider: 'STIGG', first: 1 })).data!.customers.edges.map((edge) => edge.node.id);
    gateway.sandbox.setFaults({ stigg: { rateLimitRate: 0.5, retryAfterSeconds: 0 } });
    gateway.clearUpstream();
    let successes = 0;
    for (let attempt = 0; attempt < 10; attempt++) {
      const result = await gateway.execute(CustomerByIdDocument, { id: ids[0]! });
      if (result.data?.customer?.id === ids[0]) successes++;
    }
    const statuses = gateway.upstream().map((entry) => entry.status);
    expect(statuses).toContain(429);
    expect(successes).toBeGreaterThanOrEqual(7);
  });

  it('a malformed provider body becomes a coded error, not a crash', async () => {
    gateway.sandbox.setFaults({ orb: { malformedRate: 1 } });
    const result = await gateway.execute(CustomersWithStateDocument, { provider: 'ORB', first: 2 });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'PROVIDER_MALFORMED_RESPONSE', provider: 'orb' });
  });

  it('never shows the API key in an error', async () => {
    gateway.sandbox.setFaults({ orb: { errorRate: 1 }, stigg: { errorRate: 1 } });
    const result = await gateway.execute(ProfileDocument, { externalId: 'user_000001' });
    expect(JSON.stringify(result)).not.toContain('test-key');
  });
});

describe('writes that time out', () => {
  it('a write without provider idempotency is not retried; the outcome is unknown and the key is returned', async () => {
    gateway.sandbox.setFaults({ polar: { hangRate: 1 } });
    gateway.clearUpstream();
    const result = await gateway.execute(CreateCustomerDocument, {
      input: { provider: 'POLAR', email: 'slow.write@example.com', name: 'Slow Write', idempotencyKey: 'retry-me-1' },
    });
    gateway.sandbox.setFaults({});
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(result.data!.createCustomer).toMatchObject({
      __typename: 'ProviderError',
      code: 'PROVIDER_TIMEOUT',
      outcomeUnknown: true,
      idempotencyKey: 'retry-me-1',
    });
    expect((result.data!.createCustomer as { message: string }).message).toMatch(/outcome is unknown/);
    expect(gateway.upstream().filter((entry) => entry.method === 'POST')).toHaveLength(1);
  });

  it('a write to a provider that honours Idempotency-Key is retried with the same key', async () => {
    gateway.sandbox.setFaults({ orb: { hangRate: 1 } });
    gateway.clearUpstream();
    const result = await gateway.execute(CreateCustomerDocument, {
      input: { provider: 'ORB', email: 'slow.orb@example.com', name: 'Slow Orb', idempotencyKey: 'retry-me-2' },
    });
    gateway.sandbox.setFaults({});
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(result.data!.createCustomer).toMatchObject({ __typename: 'ProviderError', outcomeUnknown: true, idempotencyKey: 'retry-me-2' });
    expect((result.data!.createCustomer as { message: string }).message).toMatch(/retry with the same idempotencyKey/);
    expect(gateway.upstream().filter((entry) => entry.method === 'POST')).toHaveLength(2);
    // The retry the error invites goes through now and creates exactly one customer.
    const retried = await gateway.execute(CreateCustomerDocument, {
      input: { provider: 'ORB', email: 'slow.orb@example.com', name: 'Slow Orb', idempotencyKey: 'retry-me-2' },
    });
    expect(retried.data!.createCustomer).toMatchObject({ __typename: 'CreateCustomerPayload', customer: { email: 'slow.orb@example.com' } });
  });
});
