import { beforeEach, describe, expect, it } from 'vitest';
import { createMemoryState } from '../../src/state/memory/memory-state';
import { callsByProvider, gatewayUnderTest } from '../support/gateway';
import { call, type Loose } from '../support/http';

const TTL_MS = 60_000;
const ttls = { orb: TTL_MS, stigg: TTL_MS, omise: TTL_MS, polar: TTL_MS, synctera: 0 };
let clock = Date.now();

const POLAR_PAGE = '{ customers(provider: POLAR, first: 20) { edges { node { id fetchedAt state { subscriptions { id } entitlements { featureId } } } } } }';

async function fetchGraph(query: string, headers: Record<string, string> = {}): Promise<Loose> {
  return (await gateway.request({ query }, { accept: 'application/json', ...headers })).json();
}

async function upstreamFor(action: () => Promise<unknown>): Promise<Record<string, number>> {
  gateway.clearUpstream();
  await action();
  return callsByProvider(gateway.upstream());
}

const gateway = await gatewayUnderTest({ people: 120, cacheTtlMs: ttls, state: createMemoryState({ now: () => clock }) });
beforeEach(() => {
  clock += 10 * TTL_MS;
});

describe('read cache', () => {
  it('a warm "20 Polar customers with state" costs no call (page and states from the cache), a repeated by-id read none', async () => {
    let first: Loose;
    expect(await upstreamFor(async () => (first = (await gateway.run(POLAR_PAGE)).data.customers.edges[0].node))).toEqual({ polar: 21 });
    expect(await upstreamFor(() => gateway.run(POLAR_PAGE))).toEqual({});
    // The page served from the cache carries when the provider answered it.
    const latest = (await gateway.run(POLAR_PAGE)).data.customers.edges[0].node;
    expect(latest).toEqual(first);
    const byId = `{ customer(id: "${first.id}") { id email fetchedAt state { subscriptions { id } } } }`;
    expect(await upstreamFor(() => gateway.run(byId))).toEqual({});
    expect(await upstreamFor(() => gateway.run(byId))).toEqual({});
    expect(new Date((await gateway.run(byId)).data.customer.fetchedAt).getTime()).toBeGreaterThanOrEqual(new Date(first.fetchedAt).getTime());
  });

  it('a list page is served from the cache until a change at its provider voids every page of it', async () => {
    const orbPage = '{ customers(provider: ORB, first: 5) { nodes { id name externalId } } }';
    const polarPage = '{ customers(provider: POLAR, first: 3) { nodes { id } } }';
    const first = (await gateway.run(orbPage)).data.customers.nodes;
    await gateway.run(polarPage);
    expect(await upstreamFor(() => gateway.run(orbPage))).toEqual({});
    // Another page (another size or cursor) is another entry; a filtered page is never kept.
    expect(await upstreamFor(() => gateway.run('{ customers(provider: ORB, first: 4) { nodes { id } } }'))).toEqual({ orb: 1 });
    const filtered = '{ customers(provider: ORB, first: 5, filter: { createdAfter: "2020-01-01T00:00:00Z" }) { nodes { id } } }';
    expect(await upstreamFor(() => gateway.run(filtered))).toEqual({ orb: 1 });
    expect(await upstreamFor(() => gateway.run(filtered))).toEqual({ orb: 1 });

    const target = first[1];
    const written = await gateway.run(`mutation { updateCustomer(input: { externalId: "${target.externalId}", provider: ORB, name: "Listed Anew" }) { __typename } }`);
    expect(written.data.updateCustomer.__typename).toBe('UpdateCustomerPayload');
    let after: Loose;
    expect(await upstreamFor(async () => (after = (await gateway.run(orbPage)).data.customers.nodes))).toEqual({ orb: 1 });
    expect(after.find((node: Loose) => node.id === target.id).name).toBe('Listed Anew');
    expect(await upstreamFor(() => gateway.run(orbPage))).toEqual({});
    // Another provider's pages are not touched.
    expect(await upstreamFor(() => gateway.run(polarPage))).toEqual({});
    // Nor is a page of a provider without a TTL ever stored.
    const syncteraPage = '{ customers(provider: SYNCTERA, first: 3) { nodes { id } } }';
    await gateway.run(syncteraPage);
    expect(await upstreamFor(() => gateway.run(syncteraPage))).toEqual({ synctera: 1 });
    clock += TTL_MS + 1;
    expect(await upstreamFor(() => gateway.run(orbPage))).toEqual({ orb: 1 });
  });

  it('Cache-Control: no-cache asks the providers again, and refreshes fetchedAt', async () => {
    const page = await gateway.run(POLAR_PAGE);
    const id = page.data.customers.edges[0].node.id;
    const query = `{ customer(id: "${id}") { fetchedAt state { subscriptions { id } } } }`;
    const cached = await gateway.run(query);
    let fresh: Loose;
    const calls = await upstreamFor(async () => {
      fresh = await fetchGraph(query, { 'cache-control': 'no-cache' });
    });
    expect(calls).toEqual({ polar: 2 });
    expect(new Date(fresh.data.customer.fetchedAt).getTime()).toBeGreaterThan(new Date(cached.data.customer.fetchedAt).getTime() - 1);
  });

  it('checkEntitlement with requestedUsage always asks the provider', async () => {
    const query = '{ checkEntitlement(externalId: "user_000001", provider: STIGG, featureId: "feature-seats", requestedUsage: 1) { hasAccess } }';
    await gateway.run(query);
    const calls = await upstreamFor(async () => {
      await gateway.run(query);
      await gateway.run(query);
    });
    expect(calls.stigg).toBe(2);
  });

  it('an entry lives no longer than its TTL, and a TTL of 0 caches nothing', async () => {
    const orb = '{ customerByExternalId(externalId: "user_000003", provider: ORB) { id } }';
    await gateway.run(orb);
    expect(await upstreamFor(() => gateway.run(orb))).toEqual({});
    clock += TTL_MS + 1;
    expect(await upstreamFor(() => gateway.run(orb))).toEqual({ orb: 1 });

    const synctera = '{ customerByExternalId(externalId: "user_000003", provider: SYNCTERA) { id } }';
    await gateway.run(synctera);
    expect(await upstreamFor(() => gateway.run(synctera))).toEqual({ synctera: 1 });
  });

  it("the gateway's own write drops the cached customer, so the next read shows it", async () => {
    const query = '{ customerByExternalId(externalId: "user_000004", provider: POLAR) { email } }';
    await gateway.run(query);
    const written = await gateway.run('mutation { updateCustomer(input: { externalId: "user_000004", provider: POLAR, email: "cache-write@example.com" }) { __typename } }');
    expect(written.data.updateCustomer.__typename).toBe('UpdateCustomerPayload');
    expect((await gateway.run(query)).data.customerByExternalId.email).toBe('cache-write@example.com');
  });

  it('a mutation merges into the provider\'s copy, never an older cached one', async () => {
    const read = '{ customerByExternalId(externalId: "user_000005", provider: OMISE) { id metadata } }';
    const before = (await gateway.run(read)).data.customerByExternalId;
    const nativeId = String(before.id).slice('omise:'.length);
    // Changed at Omise behind the gateway's back, with no webhook to tell it: the cached copy is now old.
    const direct = await call(`${gateway.sandbox.baseUrls.omise}/customers/${nativeId}`, {
      method: 'PATCH',
      headers: { authorization: `Basic ${Buffer.from('skey_test_x:').toString('base64')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ metadata: { external_id: 'user_000005', set_directly: 'yes' } }),
    });
    expect(direct.status).toBe(200);
    expect((await gateway.run(read)).data.customerByExternalId.metadata.set_directly).toBeUndefined();
    const written = await gateway.run(
      'mutation { updateCustomer(input: { externalId: "user_000005", provider: OMISE, metadata: { via_gateway: "yes" } }) { ... on UpdateCustomerPayload { outcomes { customer { metadata } } } } }',
    );
    expect(written.data.updateCustomer.outcomes[0].customer.metadata).toMatchObject({ set_directly: 'yes', via_gateway: 'yes' });
  });
});
