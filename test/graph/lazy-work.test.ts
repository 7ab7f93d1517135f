import { beforeEach, describe, expect, it, vi } from 'vitest';
import { gatewayUnderTest } from '../support/gateway';

/**
 * Work a query did not select, or already did, is not done: cursors are encoded only when `cursor` or a page cursor
 * is asked for, and a customer's state is merged once however many of its fields read it.
 */

const encoded = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/loaders/list-cursor', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/loaders/list-cursor')>();
  return {
    ...actual,
    encodeCursor: (...args: Parameters<typeof actual.encodeCursor>) => {
      encoded.count++;
      return actual.encodeCursor(...args);
    },
  };
});

const emptied = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/providers/kit/empty-state', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/providers/kit/empty-state')>();
  return {
    emptyState: () => {
      emptied.count++;
      return actual.emptyState();
    },
  };
});

const gateway = await gatewayUnderTest({ people: 80 });
beforeEach(() => {
  encoded.count = 0;
  emptied.count = 0;
});

describe('cursors only when selected', () => {
  it('encodes none for nodes, totalCount or hasNextPage alone', async () => {
    const result = await gateway.run('{ customers(first: 20) { nodes { id } totalCount pageInfo { hasNextPage hasPreviousPage } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data?.customers.nodes).toHaveLength(20);
    expect(encoded.count).toBe(0);
  });

  it('encodes one for endCursor, and each edge cursor once when edges ask for them', async () => {
    const end = await gateway.run('{ customers(provider: POLAR, first: 20) { nodes { id } pageInfo { endCursor } } }');
    expect(end.data?.customers.pageInfo.endCursor).toEqual(expect.any(String));
    expect(encoded.count).toBe(1);

    encoded.count = 0;
    const edges = await gateway.run('{ customers(provider: POLAR, first: 20) { edges { cursor } pageInfo { startCursor endCursor } } }');
    const cursors = (edges.data?.customers.edges as { cursor: string }[]).map((edge) => edge.cursor);
    expect(cursors).toHaveLength(20);
    expect(edges.data?.customers.pageInfo).toEqual({ startCursor: cursors[0], endCursor: cursors[19] });
    expect(encoded.count).toBe(20);
    // The lazily encoded cursor is the one that continues the list.
    const next = await gateway.run(`{ customers(provider: POLAR, first: 1, after: "${end.data?.customers.pageInfo.endCursor}") { nodes { id } } }`);
    expect(next.errors).toBeUndefined();
    expect(next.data?.customers.nodes).toHaveLength(1);
  });
});

describe('a customer state merged once', () => {
  it('builds no more states when entitlements are asked beside state', async () => {
    const stateOnly = await gateway.run('{ customers(provider: POLAR, first: 10) { nodes { id state { subscriptions { id } } } } }');
    expect(stateOnly.errors).toBeUndefined();
    const alone = emptied.count;
    // Each customer's Polar state is mapped once and merged once.
    expect(alone).toBe(20);

    emptied.count = 0;
    const both = await gateway.run('{ customers(provider: POLAR, first: 10) { nodes { id state { subscriptions { id } entitlements { featureId } } entitlements { featureId } } } }');
    expect(both.errors).toBeUndefined();
    const nodes = both.data?.customers.nodes as { state: { entitlements: unknown[] }; entitlements: unknown[] }[];
    expect(nodes).toHaveLength(10);
    for (const node of nodes) expect(node.entitlements).toEqual(node.state.entitlements);
    expect(emptied.count).toBe(alone);
  });
});
