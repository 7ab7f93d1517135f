import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { watchUnhandledRejections } from '../support/unhandled';

let gateway: TestGateway;
const unhandled = watchUnhandledRejections();

beforeAll(async () => {
  gateway = await startTestGateway({ people: 60 });
});
beforeEach(() => gateway.clearUpstream());
afterAll(async () => {
  await gateway.close();
  unhandled.stop();
});

/** Waits long enough for any orphaned load in flight to settle (and be reported if nobody handles it). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe('one bad entry among good ones', () => {
  it('_entities: a representation without __typename is null with its own error; the others resolve', async () => {
    const result = await gateway.run('query($r:[_Any!]!){_entities(representations:$r){... on Customer{id}}}', {
      r: [{ __typename: 'Customer', id: 'orb:nope' }, { id: 'x' }, { __typename: 'Customer', id: 'stigg:user_000001' }, { __typename: 'Order', id: '1' }, 'text'],
    });
    await settle();
    expect(result.data!._entities).toEqual([null, null, { id: 'stigg:user_000001' }, null, null]);
    const byEntry = Object.fromEntries(result.errors!.map((error) => [error.path![1], error.extensions?.code]));
    expect(byEntry).toEqual({ 0: 'NOT_FOUND', 1: 'BAD_USER_INPUT', 3: 'BAD_USER_INPUT', 4: 'BAD_USER_INPUT' });
    expect(unhandled.seen()).toEqual([]);
  });

  it('customersByIds and nodes settle every id', async () => {
    for (const field of ['customersByIds', 'nodes']) {
      const result = await gateway.run(`query($ids:[ID!]!){ ${field}(ids:$ids){ id } }`, { ids: ['orb:abc', 'nope', 'stigg:user_000002', 'polar:..'] });
      await settle();
      expect(result.data![field], field).toEqual([null, null, { id: 'stigg:user_000002' }, null]);
      const byEntry = Object.fromEntries(result.errors!.map((error) => [error.path![1], error.extensions?.code]));
      expect(byEntry, field).toEqual({ 1: 'BAD_USER_INPUT', 3: 'BAD_USER_INPUT' });
    }
    expect(unhandled.seen()).toEqual([]);
  });

  it('customersByExternalIds settles every external ID', async () => {
    const result = await gateway.run('query($ids:[String!]!){ customersByExternalIds(externalIds:$ids){ externalId } }', { ids: ['user_000001', '..', 'a\u0000b', 'nobody-here'] });
    await settle();
    expect(result.data!.customersByExternalIds).toEqual([{ externalId: 'user_000001' }, null, null, null]);
    expect(result.errors!.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(unhandled.seen()).toEqual([]);
  });
});

describe('client mistakes are BAD_USER_INPUT, and nothing malformed reaches a provider', () => {
  it('a lone surrogate, a control character, an over-long id and dot segments in ids', async () => {
    for (const id of ['orb:\ud800', 'polar:a\nb', `stigg:${'x'.repeat(300)}`, 'polar:..', 'omise:.', '..', '\udc00']) {
      const result = await gateway.run('query($id:ID!){ customer(id:$id){ id } }', { id });
      expect(result.errors?.[0]?.extensions, JSON.stringify(id)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ID' });
    }
    expect(gateway.upstream()).toEqual([]);
  });

  it('dot segments and broken text as external IDs, for reads and writes', async () => {
    const reads = [
      ['{ customerByExternalId(externalId: "..", provider: ORB) { id } }', 'customerByExternalId'],
      ['{ profile(externalId: ".") { externalId } }', 'profile'],
      ['{ checkEntitlement(externalId: "..", provider: STIGG, featureId: "f") { hasAccess } }', 'checkEntitlement'],
    ] as const;
    for (const [query] of reads) {
      const result = await gateway.run(query);
      expect(result.errors?.[0]?.extensions?.code, query).toBe('BAD_USER_INPUT');
    }
    const writes = [
      'mutation { deleteCustomer(input: {id: "polar:.."}) { __typename } }',
      'mutation { deleteCustomer(input: {externalId: "..", provider: POLAR}) { __typename } }',
      'mutation { updateCustomer(input: {externalId: "..", name: "x"}) { __typename } }',
      'mutation { createCustomer(input: {provider: STIGG, externalId: ".."}) { __typename } }',
      'mutation { updateCustomer(input: {id: "stigg:user_000001", newExternalId: "a\\u0000"}) { __typename } }',
    ];
    for (const query of writes) {
      const result = await gateway.run(query);
      expect(result.errors?.[0]?.extensions?.code, query).toBe('BAD_USER_INPUT');
    }
    expect(gateway.upstream()).toEqual([]);
  });

  it('an idempotency key that cannot travel as a header is a ValidationError, nothing written', async () => {
    const result = await gateway.run('mutation($key:String){ updateCustomer(input: {id: "stigg:user_000001", name: "x", idempotencyKey: $key}) { __typename ... on ValidationError { field } } }', {
      key: 'key\r\nx-injected: 1',
    });
    expect(result.data!.updateCustomer).toEqual({ __typename: 'ValidationError', field: 'idempotencyKey' });
    expect(gateway.upstream()).toEqual([]);
  });

  it('a malformed GET variables parameter is a client error', async () => {
    const response = await gateway.app.yoga.fetch('http://gateway.test/graphql?query=%7B__typename%7D&variables=%7B', {
      headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1' },
    });
    const body = await response.json();
    expect(response.status).toBe(400);
    expect(JSON.stringify(body)).not.toContain('INTERNAL_SERVER_ERROR');
  });
});

describe('the schema', () => {
  it('keeps the subscription root for subscriptions: the billing object is BillingSubscription', async () => {
    const result = await gateway.run('{ __schema { subscriptionType { name fields { name } } } __type(name: "BillingSubscription") { name } }');
    // The root is the schema's own `Subscription` (customerChanged), never the billing object.
    expect(result.data).toEqual({ __schema: { subscriptionType: { name: 'Subscription', fields: [{ name: 'customerChanged' }] } }, __type: { name: 'BillingSubscription' } });
  });
});
