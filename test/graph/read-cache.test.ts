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
  it('a warm "20 Polar customers with state" costs one call (the page), a repeated by-id read none', async () => {
    let first: Loose;
    expect(await upstreamFor(async () => (first = (await gateway.run(POLAR_PAGE)).data.customers.edges[0].node))).toEqual({ polar: 21 });
    const again = await upstreamFor(() => gateway.run(POLAR_PAGE));
    expect(again).toEqual({ polar: 1 });
    const latest = (await gateway.run(POLAR_PAGE)).data.customers.edges[0].node;
    expect(latest.id).toBe(first.id);
    const byId = `{ customer(id: "${first.id}") { id email fetchedAt state { subscriptions { id } } } }`;
    expect(await upstreamFor(() => gateway.run(byId))).toEqual({});
    expect(await upstreamFor(() => gateway.run(byId))).toEqual({});
    // Stored by the first answer (its page, then its state read); the same page within a second stores its rows
    // no more, so the copy served is older than the latest page's.
    const fetchedAt = new Date((await gateway.run(byId)).data.customer.fetchedAt).getTime();
    expect(fetchedAt).toBeGreaterThanOrEqual(new Date(first.fetchedAt).getTime());
    expect(fetchedAt).toBeLessThan(new Date(latest.fetchedAt).getTime());
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
