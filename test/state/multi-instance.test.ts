import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../src/sandbox/sandbox';
import { allSimulators } from '../../src/registry';
import type { RedisState } from '../../src/state/redis/redis-state';
import { CreateCustomerDocument, CustomerByExternalIdDocument, type CreateCustomerInput } from '../generated/graphql';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { connectRedisState, describeWithRedis, uniquePrefix } from '../support/redis';

/**
 * Several gateway instances of one deployment in one process: one sandbox (the providers), one real Redis (the
 * shared state), each instance with its own Redis connections, as separate processes would have.
 */
describeWithRedis('Multi-instance suite', 'several instances sharing one Redis', (redis) => {
  let prefix: string;
  let sandbox: Sandbox;
  const instances: { gateway: TestGateway; state: RedisState }[] = [];

  const startInstance = async (): Promise<{ gateway: TestGateway; state: RedisState }> => {
    const state = await connectRedisState(redis.url, prefix);
    const gateway = await startTestGateway({ sandbox, state });
    const instance = { gateway, state };
    instances.push(instance);
    return instance;
  };
  const stopInstance = async (instance: { gateway: TestGateway; state: RedisState }) => {
    instances.splice(instances.indexOf(instance), 1);
    await instance.gateway.close();
    await instance.state.close();
  };

  const input = (externalId: string, key?: string): CreateCustomerInput => ({
    provider: 'OMISE',
    externalId,
    email: `${externalId}@example.com`,
    name: 'Ada Lovelace',
    ...(key === undefined ? {} : { idempotencyKey: key }),
  });
  const creates = (provider: string) => sandbox.requests().filter((entry) => entry.provider === provider && entry.method === 'POST');
  // A page of the customer list; Synctera's many-ids fetch (`?id=a,b`) shares the path but reads by id.
  const lists = (provider: string) =>
    sandbox.requests().filter((entry) => entry.provider === provider && entry.method === 'GET' && /\/(customers|search)$/.test(entry.path) && !/(^|&)id=/.test(entry.query));

  let first: { gateway: TestGateway; state: RedisState };
  let second: { gateway: TestGateway; state: RedisState };
  let third: { gateway: TestGateway; state: RedisState };
  let startupLists: Record<string, number>;

  beforeAll(async () => {
    prefix = uniquePrefix('instances');
    sandbox = await createSandbox({ port: 0, people: 300, simulators: allSimulators });
    // All three start at once: one builds the identity index under the lock, the others wait and read it.
    [first, second, third] = await Promise.all([startInstance(), startInstance(), startInstance()]);
    startupLists = { omise: lists('omise').length, synctera: lists('synctera').length };
  });
  afterAll(async () => {
    for (const instance of [...instances]) await stopInstance(instance);
    await sandbox?.close();
  });
  beforeEach(() => sandbox.clearRequests());

  it('built the identity index once for all three instances', async () => {
    // Synctera's and Omise's whole lists were walked once, in pages of 100, by one instance; the others read Redis.
    const counts = sandbox.customerCounts();
    expect(startupLists).toEqual({ omise: Math.ceil(counts.omise! / 100), synctera: Math.ceil(counts.synctera! / 100) });
    const size = await first.gateway.app.gateway.identityIndex.size('omise');
    expect(size).toBeGreaterThan(100);
    expect(await third.gateway.app.gateway.identityIndex.size('omise')).toBe(size);
    expect(await second.gateway.app.gateway.identityIndex.size('synctera')).toBeGreaterThan(100);
  });

  it('writes once for one key sent to two instances in turn; the second answers replayed', async () => {
    const onFirst = await first.gateway.execute(CreateCustomerDocument, { input: input('multi-seq', 'key-seq') });
    const onSecond = await second.gateway.execute(CreateCustomerDocument, { input: input('multi-seq', 'key-seq') });
    expect(onFirst.data?.createCustomer).toMatchObject({ __typename: 'CreateCustomerPayload', replayed: false });
    expect(onSecond.data?.createCustomer).toMatchObject({ __typename: 'CreateCustomerPayload', replayed: true });
    const ids = [onFirst, onSecond].map((result) => (result.data?.createCustomer as { customer: { id: string } }).customer.id);
    expect(ids[1]).toBe(ids[0]);
    expect(creates('omise')).toHaveLength(1);
    // A different input under the same key is a conflict on any instance.
    const other = await third.gateway.execute(CreateCustomerDocument, { input: { ...input('multi-seq-other', 'key-seq') } });
    expect(other.data?.createCustomer).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    expect(creates('omise')).toHaveLength(1);
  });

  it('writes exactly once when three instances get the same key at the same moment', async () => {
    sandbox.setFaults({ omise: { latencyMs: [150, 150] } });
    try {
      const results = await Promise.all([first, second, third].map((instance) => instance.gateway.execute(CreateCustomerDocument, { input: input('multi-race', 'key-race') })));
      const payloads = results.map((result) => result.data?.createCustomer as { __typename: string; replayed: boolean; customer: { id: string } });
      expect(payloads.map((payload) => payload.__typename)).toEqual(['CreateCustomerPayload', 'CreateCustomerPayload', 'CreateCustomerPayload']);
      expect(payloads.filter((payload) => !payload.replayed)).toHaveLength(1);
      expect(new Set(payloads.map((payload) => payload.customer.id)).size).toBe(1);
      expect(creates('omise')).toHaveLength(1);
    } finally {
      sandbox.setFaults({});
    }
  });

  it('finds a customer created through one instance by external ID through another at once, without a list call', async () => {
    const created = await first.gateway.execute(CreateCustomerDocument, { input: input('multi-found') });
    const id = (created.data?.createCustomer as { customer: { id: string } }).customer.id;
    const synctera = await second.gateway.execute(CreateCustomerDocument, {
      input: { provider: 'SYNCTERA', externalId: 'multi-found', email: 'multi-found@example.com', name: 'Ada Lovelace' },
    });
    const syncteraId = (synctera.data?.createCustomer as { customer: { id: string } }).customer.id;
    sandbox.clearRequests();
    const viaSecond = await second.gateway.execute(CustomerByExternalIdDocument, { externalId: 'multi-found', provider: 'OMISE' });
    const viaThird = await third.gateway.execute(CustomerByExternalIdDocument, { externalId: 'multi-found', provider: 'SYNCTERA' });
    expect(viaSecond.data?.customerByExternalId?.id).toBe(id);
    expect(viaThird.data?.customerByExternalId?.id).toBe(syncteraId);
    expect(lists('omise')).toHaveLength(0);
    expect(lists('synctera')).toHaveLength(0);
  });

  it('a restarted instance keeps the ledger and refreshes the index incrementally, never a full walk', async () => {
    await first.gateway.execute(CreateCustomerDocument, { input: input('multi-restart', 'key-restart') });
    await stopInstance(first);
    sandbox.clearRequests();
    first = await startInstance();
    // One list call per indexed provider: only customers created since the last refresh (Omise with its
    // created filter, Synctera newest first until the first page reaches back past it).
    expect(lists('omise')).toHaveLength(1);
    expect(lists('omise')[0]?.query).toMatch(/(^|&)from=/);
    expect(lists('synctera')).toHaveLength(1);
    sandbox.clearRequests();
    const replay = await first.gateway.execute(CreateCustomerDocument, { input: input('multi-restart', 'key-restart') });
    expect(replay.data?.createCustomer).toMatchObject({ __typename: 'CreateCustomerPayload', replayed: true });
    expect(creates('omise')).toHaveLength(0);
    const found = await first.gateway.execute(CustomerByExternalIdDocument, { externalId: 'multi-restart', provider: 'OMISE' });
    expect(found.data?.customerByExternalId?.externalId).toBe('multi-restart');
  });
});
