import { describe, expect, it } from 'vitest';
import {
  CheckEntitlementDocument,
  CustomerByExternalIdDocument,
  CustomerByIdDocument,
  CustomersPageDocument,
  NodeByIdDocument,
  NodesByIdsDocument,
  ProfileDocument,
  ProvidersDocument,
  type CustomersPageQuery,
  type Provider,
} from '../generated/graphql';
import { gatewayUnderTest, type GraphResult } from '../support/gateway';

const PROVIDERS: Provider[] = ['ORB', 'STIGG', 'OMISE', 'POLAR', 'SYNCTERA'];

const gateway = await gatewayUnderTest({ people: 300 }, { fresh: true });

async function firstCustomers(provider: Provider, first = 10) {
  const result = await gateway.execute(CustomersPageDocument, { provider, first });
  expect(result.errors).toBeUndefined();
  return result.data!.customers.edges.map((edge) => edge.node);
}

describe('providers', () => {
  it('lists all five, in sandbox mode, with their capabilities', async () => {
    const result = await gateway.execute(ProvidersDocument);
    expect(result.data?.providers.map((provider) => [provider.name, provider.mode])).toEqual(PROVIDERS.map((name) => [name, 'SANDBOX']));
    const synctera = result.data?.providers.find((provider) => provider.name === 'SYNCTERA');
    expect(synctera?.capabilities.batchSize).toBe(100);
  });
});

describe.each(PROVIDERS)('reads at %s', (provider) => {
  it('lists newest first with global IDs, and reads each back by id and as a node', async () => {
    const customers = await firstCustomers(provider, 5);
    expect(customers).toHaveLength(5);
    const times = customers.map((customer) => Date.parse(customer.createdAt!));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const customer of customers) {
      expect(customer.id).toBe(`${provider.toLowerCase()}:${customer.providerId}`);
      const byId = await gateway.execute(CustomerByIdDocument, { id: customer.id });
      expect(byId.data?.customer?.id).toBe(customer.id);
      expect(byId.data?.customer?.provider).toBe(provider);
      const node = await gateway.execute(NodeByIdDocument, { id: customer.id });
      expect(node.data?.node?.id).toBe(customer.id);
    }
  });

  it('finds a customer by external ID', async () => {
    const customers = await firstCustomers(provider, 20);
    const withExternal = customers.find((customer) => customer.externalId !== null);
    expect(withExternal).toBeDefined();
    const result = await gateway.execute(CustomerByExternalIdDocument, { externalId: withExternal!.externalId!, provider });
    expect(result.errors).toBeUndefined();
    expect(result.data?.customerByExternalId?.id).toBe(withExternal!.id);
  });

  it('answers null, not an error, for an id or external ID the provider does not hold', async () => {
    const unknownId = provider === 'OMISE' ? 'cust_test_000000000000000000' : provider === 'ORB' ? 'ZZZZZZZZZZZZZZZ' : '00000000-0000-4000-8000-000000000000';
    const byId = await gateway.execute(CustomerByIdDocument, { id: `${provider.toLowerCase()}:${unknownId}` });
    expect(byId.errors).toBeUndefined();
    expect(byId.data?.customer).toBeNull();
    const byExternal = await gateway.execute(CustomerByExternalIdDocument, { externalId: 'nobody-has-this-id', provider });
    expect(byExternal.errors).toBeUndefined();
    expect(byExternal.data?.customerByExternalId).toBeNull();
  });

  it('pages through its own list to the end, each customer once', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    let pages = 0;
    let total: number | null | undefined;
    do {
      const result: GraphResult<CustomersPageQuery> = await gateway.execute(CustomersPageDocument, { provider, first: 40, after });
      expect(result.errors).toBeUndefined();
      const page: CustomersPageQuery['customers'] = result.data!.customers;
      total = page.totalCount;
      for (const edge of page.edges) {
        expect(seen.has(edge.node.id), edge.node.id).toBe(false);
        seen.add(edge.node.id);
      }
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor! : null;
      pages++;
    } while (after !== null && pages < 100);
    expect(after).toBeNull();
    expect(seen.size).toBe(gateway.sandbox.customerCounts()[provider.toLowerCase()]);
    if (total != null) expect(total).toBe(seen.size);
  });
});

describe('routing errors', () => {
  it('rejects an ID without a prefix, listing the valid prefixes', async () => {
    const result = await gateway.execute(CustomerByIdDocument, { id: '1f0c2a34-0000-4000-8000-000000000000' });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ID' });
    expect(result.errors?.[0]?.message).toContain('orb, stigg, omise, polar, synctera');
  });

  it('rejects an unknown prefix and an empty native id', async () => {
    for (const id of ['acme:123', 'polar:']) {
      const result = await gateway.execute(CustomerByIdDocument, { id });
      expect(result.errors?.[0]?.extensions, id).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ID' });
      expect(result.data?.customer ?? null).toBeNull();
    }
  });

  it('refuses more than 500 ids in one nodes call, fetching nothing', async () => {
    gateway.clearUpstream();
    const ids = Array.from({ length: 501 }, (_, index) => `stigg:user_${index}`);
    const result = await gateway.execute(NodesByIdsDocument, { ids });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(gateway.upstream()).toEqual([]);
  });

  it('accepts a bare Omise id, whose shape names its provider', async () => {
    const [omise] = await firstCustomers('OMISE', 1);
    const result = await gateway.execute(CustomerByIdDocument, { id: omise!.providerId });
    expect(result.data?.customer?.id).toBe(omise!.id);
  });
});

describe('merged list', () => {
  it('merges all five newest first under one cursor and pages correctly to the end', async () => {
    const seen = new Set<string>();
    let previous = Number.POSITIVE_INFINITY;
    let after: string | null = null;
    let pages = 0;
    do {
      const result: GraphResult<CustomersPageQuery> = await gateway.execute(CustomersPageDocument, { first: 100, after });
      expect(result.errors).toBeUndefined();
      const page: CustomersPageQuery['customers'] = result.data!.customers;
      for (const edge of page.edges) {
        const time = Date.parse(edge.node.createdAt!);
        expect(time).toBeLessThanOrEqual(previous);
        previous = time;
        expect(seen.has(edge.node.id)).toBe(false);
        seen.add(edge.node.id);
      }
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor! : null;
      pages++;
    } while (after !== null && pages < 200);
    const counts = gateway.sandbox.customerCounts();
    expect(seen.size).toBe(Object.values(counts).reduce((sum, count) => sum + count, 0));
    expect(new Set([...seen].map((id) => id.split(':')[0]))).toEqual(new Set(['orb', 'stigg', 'omise', 'polar', 'synctera']));
  });

  it('resumes from any edge cursor exactly after that edge', async () => {
    const first = await gateway.execute(CustomersPageDocument, { first: 30 });
    const edges = first.data!.customers.edges;
    const middle = edges[11]!;
    const resumed = await gateway.execute(CustomersPageDocument, { first: 10, after: middle.cursor });
    expect(resumed.data!.customers.edges.map((edge) => edge.node.id)).toEqual(edges.slice(12, 22).map((edge) => edge.node.id));
  });

  it('refuses a filter that some provider cannot apply, naming both', async () => {
    const result = await gateway.execute(CustomersPageDocument, { first: 5, filter: { email: 'someone@example.com' } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNSUPPORTED_FILTER' });
    expect(result.errors?.[0]?.message).toMatch(/Orb cannot filter by email/);
  });

  it('refuses a cursor from another query and a damaged cursor', async () => {
    const page = await gateway.execute(CustomersPageDocument, { provider: 'ORB', first: 2 });
    const cursor = page.data!.customers.pageInfo.endCursor!;
    const other = await gateway.execute(CustomersPageDocument, { provider: 'POLAR', first: 2, after: cursor });
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
    const damaged = await gateway.execute(CustomersPageDocument, { first: 2, after: 'not-a-cursor' });
    expect(damaged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
  });

  it('rejects a page size out of range', async () => {
    const result = await gateway.execute(CustomersPageDocument, { first: 1000 });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('filters', () => {
  it('filters by exact email where the provider can', async () => {
    for (const provider of ['STIGG', 'POLAR', 'SYNCTERA'] as Provider[]) {
      const [target] = await firstCustomers(provider, 1);
      const result = await gateway.execute(CustomersPageDocument, { provider, first: 10, filter: { email: target!.email } });
      expect(result.errors, provider).toBeUndefined();
      const ids = result.data!.customers.edges.map((edge) => edge.node.id);
      expect(ids, provider).toEqual([target!.id]);
    }
  });

  it('filters by creation window where the provider can', async () => {
    for (const provider of ['ORB', 'STIGG', 'OMISE'] as Provider[]) {
      const customers = await firstCustomers(provider, 10);
      const after = customers[6]!.createdAt!;
      const before = customers[2]!.createdAt!;
      const result = await gateway.execute(CustomersPageDocument, { provider, first: 50, filter: { createdAfter: after, createdBefore: before } });
      expect(result.errors, provider).toBeUndefined();
      for (const edge of result.data!.customers.edges) {
        const time = Date.parse(edge.node.createdAt!);
        expect(time, provider).toBeGreaterThanOrEqual(Date.parse(after));
        expect(time, provider).toBeLessThanOrEqual(Date.parse(before));
      }
      expect(result.data!.customers.edges.map((edge) => edge.node.id), provider).toContain(customers[4]!.id);
    }
  });

  it('searches where the provider can', async () => {
    for (const provider of ['POLAR', 'OMISE'] as Provider[]) {
      const [target] = await firstCustomers(provider, 1);
      const result = await gateway.execute(CustomersPageDocument, { provider, first: 50, filter: { search: target!.email!.split('@')[0] } });
      expect(result.errors, provider).toBeUndefined();
      expect(result.data!.customers.edges.map((edge) => edge.node.id), provider).toContain(target!.id);
    }
  });
});

describe('profile', () => {
  it('joins the same person at all five providers', async () => {
    const result = await gateway.execute(ProfileDocument, { externalId: 'user_000001' });
    expect(result.errors).toBeUndefined();
    const profile = result.data!.profile!;
    expect(profile.customers.map((customer) => customer.provider)).toEqual(PROVIDERS);
    expect(profile.customers.every((customer) => customer.externalId === 'user_000001')).toBe(true);
    expect(profile.missingFrom).toEqual([]);
    expect(new Set(profile.entitlements.map((entitlement) => entitlement.source))).toEqual(new Set(['STIGG', 'POLAR']));
  });

  it('names the providers that do not hold the person', async () => {
    const customers = await firstCustomers('ORB', 40);
    let checked = 0;
    for (const customer of customers.filter((candidate) => candidate.externalId !== null).slice(0, 15)) {
      const result = await gateway.execute(ProfileDocument, { externalId: customer.externalId! });
      const profile = result.data!.profile!;
      expect([...profile.customers.map((entry) => entry.provider), ...profile.missingFrom].sort()).toEqual([...PROVIDERS].sort());
      if (profile.missingFrom.length > 0) checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('is null when nobody holds the external ID', async () => {
    const result = await gateway.execute(ProfileDocument, { externalId: 'no-such-person' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.profile).toBeNull();
  });
});

describe('checkEntitlement', () => {
  it("asks Stigg's check endpoint", async () => {
    const result = await gateway.execute(CheckEntitlementDocument, { externalId: 'user_000001', provider: 'STIGG', featureId: 'feature-seats', requestedUsage: 1 });
    expect(result.errors).toBeUndefined();
    expect(result.data?.checkEntitlement.source).toBe('STIGG');
    expect(typeof result.data?.checkEntitlement.hasAccess).toBe('boolean');
  });

  it('denies usage beyond the limit with the reason', async () => {
    const result = await gateway.execute(CheckEntitlementDocument, { externalId: 'user_000001', provider: 'STIGG', featureId: 'feature-seats', requestedUsage: 1e9 });
    const check = result.data!.checkEntitlement;
    if (check.usageLimit !== null) {
      expect(check.hasAccess).toBe(false);
      expect(check.denialReason).toBeTruthy();
    }
  });

  it('decides Polar checks from benefit grants', async () => {
    const profile = await gateway.execute(ProfileDocument, { externalId: 'user_000001' });
    const polarGrant = profile.data!.profile!.entitlements.find((entitlement) => entitlement.source === 'POLAR' && entitlement.hasAccess);
    expect(polarGrant).toBeDefined();
    const polarId = profile.data!.profile!.customers.find((customer) => customer.provider === 'POLAR')!.id;
    const granted = await gateway.execute(CheckEntitlementDocument, { customerId: polarId, featureId: polarGrant!.featureId });
    expect(granted.data?.checkEntitlement).toMatchObject({ hasAccess: true, source: 'POLAR', featureId: polarGrant!.featureId });
    const missing = await gateway.execute(CheckEntitlementDocument, { customerId: polarId, featureId: 'no-such-feature' });
    expect(missing.data?.checkEntitlement).toMatchObject({ hasAccess: false, denialReason: 'EntitlementNotFound' });
  });

  it('says so when the provider has no entitlements, and refuses ambiguous input', async () => {
    const [orb] = await firstCustomers('ORB', 1);
    const unsupported = await gateway.execute(CheckEntitlementDocument, { customerId: orb!.id, featureId: 'feature-seats' });
    expect(unsupported.errors?.[0]?.extensions).toMatchObject({ code: 'UNSUPPORTED_OPERATION', provider: 'orb' });
    const both = await gateway.execute(CheckEntitlementDocument, { customerId: orb!.id, externalId: 'user_000001', featureId: 'x' });
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
