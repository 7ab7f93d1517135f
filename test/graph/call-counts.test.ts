import { describe, expect, it } from 'vitest';
import { CustomersPageDocument, CustomersThenNodesDocument, CustomersWithStateDocument, NodesByIdsDocument } from '../generated/graphql';
import { callsByProvider, gatewayUnderTest } from '../support/gateway';

/** The upstream call budget of DESIGN §5, counted from the sandbox's request log. */

const gateway = await gatewayUnderTest({ people: 400 }, { fresh: true });

async function ids(provider: 'ORB' | 'STIGG' | 'OMISE' | 'POLAR' | 'SYNCTERA', first: number): Promise<string[]> {
  const result = await gateway.execute(CustomersPageDocument, { provider, first });
  const list = result.data!.customers.edges.map((edge) => edge.node.id);
  expect(list).toHaveLength(first);
  gateway.clearUpstream();
  return list;
}

describe('upstream calls per query', () => {
  it('nodes with 50 Synctera ids: 1 call', async () => {
    const synctera = await ids('SYNCTERA', 50);
    const result = await gateway.execute(NodesByIdsDocument, { ids: synctera });
    expect(result.data!.nodes.map((node) => node?.id)).toEqual(synctera);
    const calls = gateway.upstream();
    expect(calls).toHaveLength(1);
    expect(new URLSearchParams(calls[0]!.query).get('id')!.split(',')).toHaveLength(50);
  });

  it('150 Synctera ids: one call per 100', async () => {
    const firstPage = await gateway.execute(CustomersPageDocument, { provider: 'SYNCTERA', first: 100 });
    const secondPage = await gateway.execute(CustomersPageDocument, { provider: 'SYNCTERA', first: 50, after: firstPage.data!.customers.pageInfo.endCursor });
    const all = [...firstPage.data!.customers.edges, ...secondPage.data!.customers.edges].map((edge) => edge.node.id);
    expect(new Set(all).size).toBe(150);
    gateway.clearUpstream();
    const result = await gateway.execute(NodesByIdsDocument, { ids: all });
    expect(result.data!.nodes.map((node) => node?.id)).toEqual(all);
    expect(gateway.upstream()).toHaveLength(2);
  });

  it('20 Polar customers listed with state and entitlements: 21 calls, not 41', async () => {
    const result = await gateway.execute(CustomersWithStateDocument, { provider: 'POLAR', first: 20 });
    expect(result.errors).toBeUndefined();
    expect(result.data!.customers.nodes).toHaveLength(20);
    expect(callsByProvider(gateway.upstream())).toEqual({ polar: 21 });
  });

  it('state already in the payload costs nothing (Orb balance, Omise cards, Synctera KYC)', async () => {
    for (const provider of ['ORB', 'OMISE', 'SYNCTERA'] as const) {
      gateway.clearUpstream();
      const result = await gateway.execute(CustomersWithStateDocument, { provider, first: 10 });
      expect(result.errors, provider).toBeUndefined();
      expect(gateway.upstream(), provider).toHaveLength(1);
    }
  });

  it('Stigg entitlements: one call per customer, shared by state and entitlements', async () => {
    const result = await gateway.execute(CustomersWithStateDocument, { provider: 'STIGG', first: 10 });
    expect(result.errors).toBeUndefined();
    expect(callsByProvider(gateway.upstream())).toEqual({ stigg: 11 });
  });

  it('the same customer asked for twice in one query: 1 call', async () => {
    const [polar] = await ids('POLAR', 1);
    const result = await gateway.run(`query Twice($id: ID!) { a: customer(id: $id) { id name } b: customer(id: $id) { id email } c: node(id: $id) { id } }`, { id: polar });
    expect(result.errors).toBeUndefined();
    expect(gateway.upstream()).toHaveLength(1);
  });

  it('customers then the same ids through nodes: no refetch', async () => {
    const polar = await ids('POLAR', 15);
    const result = await gateway.execute(CustomersThenNodesDocument, { provider: 'POLAR', first: 15, ids: polar });
    expect(result.data!.nodes.map((node) => node?.id)).toEqual(polar);
    expect(gateway.upstream()).toHaveLength(1);
  });

  it('nodes across all providers: Synctera batched, the others one call per distinct id', async () => {
    const mixed = [...(await ids('ORB', 3)), ...(await ids('SYNCTERA', 4)), ...(await ids('POLAR', 2)), ...(await ids('OMISE', 2)), ...(await ids('STIGG', 2))];
    const result = await gateway.execute(NodesByIdsDocument, { ids: [...mixed, ...mixed] });
    expect(result.data!.nodes.map((node) => node?.id)).toEqual([...mixed, ...mixed]);
    expect(callsByProvider(gateway.upstream())).toEqual({ orb: 3, synctera: 1, polar: 2, omise: 2, stigg: 2 });
  });

  it('a merged page asks each provider for one page', async () => {
    const result = await gateway.execute(CustomersPageDocument, { first: 20 });
    expect(result.errors).toBeUndefined();
    expect(callsByProvider(gateway.upstream())).toEqual({ orb: 1, stigg: 1, omise: 1, polar: 1, synctera: 1 });
  });
});
