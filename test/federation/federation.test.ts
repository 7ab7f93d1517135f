import { readFileSync } from 'node:fs';
import { getStitchedSchemaFromSupergraphSdl } from '@graphql-tools/federation';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { beforeAll, describe, expect, it } from 'vitest';
import { callsByProvider, gatewayUnderTest } from '../support/gateway';
import { ordersSubgraph, ticketsSubgraph } from './fixture-graphs';

const gateway = await gatewayUnderTest({ people: 200 });
let customerIds: Record<string, string[]>;

beforeAll(async () => {
  customerIds = {};
  for (const provider of ['SYNCTERA', 'POLAR', 'ORB']) {
    const page = await gateway.run(`query($p: Provider) { customers(provider: $p, first: 5) { nodes { id } } }`, { p: provider });
    customerIds[provider] = page.data.customers.nodes.map((node: { id: string }) => node.id);
  }
  gateway.clearUpstream();
});

const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Customer { id provider externalId } } }`;

describe('Apollo Federation subgraph', () => {
  it('serves _service { sdl } equal to the committed schema/subgraph.graphql, with the keys', async () => {
    const result = await gateway.run('{ _service { sdl } }');
    const sdl: string = result.data._service.sdl;
    expect(`${sdl.trim()}\n`).toBe(readFileSync('schema/subgraph.graphql', 'utf8'));
    expect(sdl).toMatch(/type Customer implements Node[^{]*@key\(fields: "id"\)/);
    expect(sdl).toContain('@key(fields: "externalId")');
    expect(sdl).toContain('@key(fields: "externalId provider")');
  });

  it('_entities keeps order, answers a repeat once, and costs what the nodes query costs', async () => {
    const ids = [...customerIds.SYNCTERA!.slice(0, 3), ...customerIds.POLAR!.slice(0, 2), customerIds.ORB![0]!];
    const representations = [...ids, ids[0]!, ids[3]!].map((id) => ({ __typename: 'Customer', id }));
    const entities = await gateway.run(ENTITIES, { representations });
    expect(entities.errors).toBeUndefined();
    expect(entities.data._entities.map((entity: { id: string }) => entity.id)).toEqual(representations.map((representation) => representation.id));
    const entityCalls = callsByProvider(gateway.upstream());
    gateway.clearUpstream();
    await gateway.run(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: representations.map((representation) => representation.id) });
    expect(callsByProvider(gateway.upstream())).toEqual(entityCalls);
    expect(entityCalls).toEqual({ synctera: 1, polar: 2, orb: 1 });
    gateway.clearUpstream();
  });

  it('answers a malformed or unknown reference with null and an error for that entry only', async () => {
    const representations = [
      { __typename: 'Customer', id: customerIds.POLAR![0] },
      { __typename: 'Customer', id: 'not-a-global-id' },
      { __typename: 'Customer', id: 'polar:00000000-0000-4000-8000-000000000000' },
      { __typename: 'Customer' },
      { __typename: 'Customer', externalId: 'user_000001', provider: 'STIGG' },
      { __typename: 'Customer', externalId: 'user_000001' },
    ];
    const result = await gateway.run(ENTITIES, { representations });
    const entities = result.data._entities;
    expect(entities[0].id).toBe(customerIds.POLAR![0]);
    expect(entities[1]).toBeNull();
    expect(entities[2]).toBeNull();
    expect(entities[3]).toBeNull();
    expect(entities[4]).toEqual({ id: 'stigg:user_000001', provider: 'STIGG', externalId: 'user_000001' });
    expect(entities[5]).toMatchObject({ provider: 'ORB', externalId: 'user_000001' });
    // Errors arrive in the order entries settle; compare them by entry.
    const errors = [...result.errors!].sort((a, b) => Number(a.path![1]) - Number(b.path![1]));
    const errorPaths = errors.map((error) => error.path);
    expect(errorPaths).toEqual([
      ['_entities', 1],
      ['_entities', 2],
      ['_entities', 3],
    ]);
    expect(errors.map((error) => error.extensions.code)).toEqual(['BAD_USER_INPUT', 'NOT_FOUND', 'BAD_USER_INPUT']);
    expect(errors.map((error) => error.extensions.reason)).toEqual(['INVALID_ID', undefined, 'INVALID_REFERENCE']);
  });

  it('composes with other subgraphs and answers through a federation gateway, across both graphs', async () => {
    const sdl: string = (await gateway.run('{ _service { sdl } }')).data._service.sdl;
    const subgraphs: Record<string, { fetch: typeof fetch }> = {
      'customers.test': gateway.app.yoga as never,
      'orders.test': ordersSubgraph.yoga as never,
      'tickets.test': ticketsSubgraph.yoga as never,
    };
    const composition = composeServices([
      { name: 'customers', typeDefs: parse(sdl), url: 'http://customers.test/graphql' },
      { name: 'orders', typeDefs: parse(ordersSubgraph.typeDefs), url: 'http://orders.test/graphql' },
      { name: 'tickets', typeDefs: parse(ticketsSubgraph.typeDefs), url: 'http://tickets.test/graphql' },
    ]);
    expect(composition.errors ?? []).toEqual([]);

    const schema = getStitchedSchemaFromSupergraphSdl({
      supergraphSdl: composition.supergraphSdl!,
      // Each subgraph answers in-process: the executor's fetch goes to that graph's yoga by host name.
      httpExecutorOpts: ({ endpoint }) => ({ fetch: subgraphs[new URL(endpoint!).host]!.fetch }),
    });
    const router = createYoga({ schema, logging: false });
    const response = await router.fetch('http://router.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{
          orders { id total customer { id provider entitlements { featureId hasAccess } } }
          tickets { id requester { externalId provider profile { entitlements { featureId source } } } }
        }`,
      }),
    });
    const result = (await response.json()) as { data: any; errors?: { path: (string | number)[] }[] };
    // Only the order that points at a customer nobody holds has an error: its entity is null.
    expect((result.errors ?? []).map((error) => error.path.slice(0, 3))).toEqual([['orders', 1, 'customer']]);
    expect(result.data.orders[0].customer.id).toBe('stigg:user_000001');
    expect(result.data.orders[0].customer.entitlements.length).toBeGreaterThan(0);
    expect(result.data.orders[1].customer).toBeNull();
    const requester = result.data.tickets[0].requester;
    expect(requester.externalId).toBe('user_000001');
    const sources = new Set(requester.profile.entitlements.map((entitlement: { source: string }) => entitlement.source));
    expect(sources).toEqual(new Set(['STIGG', 'POLAR']));
  });
});
