import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/logger';
import { createRedisState, type RedisState } from '../../src/state/redis/redis-state';
import { CreateCustomerDocument, CustomerByExternalIdDocument, type CreateCustomerInput } from '../generated/graphql';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { hasRedisServer, redisRequired, startOwnRedis, uniquePrefix, type OwnRedis } from '../support/redis';

// This suite stops and restarts Redis, so it needs a redis-server of its own (REDIS_URL's is not ours to stop).
const canRun = hasRedisServer();
if (!canRun) console.warn('Redis outage suite skipped: it starts and stops its own redis-server, and none is on the PATH (Debian: apt-get install redis-server).');
if (!canRun && redisRequired) {
  describe('Redis under CI', () => {
    it('has redis-server on the PATH', () => {
      throw new Error('CI=true needs redis-server on the PATH for the outage suite (.ci/run installs it)');
    });
  });
}

describe.runIf(canRun)('Redis stopped mid-test', () => {
  let redis: OwnRedis;
  let state: RedisState;
  let gateway: TestGateway;
  const log: string[] = [];
  const logger: Logger = { info: (message) => log.push(message), warn: (message) => log.push(message) };

  beforeAll(async () => {
    redis = await startOwnRedis();
    state = createRedisState({ target: { url: redis.url, sentinels: null, sentinelName: null, clusterNodes: null, options: {} }, keyPrefix: uniquePrefix('outage'), logger });
    await state.waitUntilConnected(10_000);
    gateway = await startTestGateway({ people: 200, state });
  });
  afterAll(async () => {
    await gateway?.close();
    await state?.close();
    await redis?.close();
  });

  const orb = (externalId: string, key?: string): CreateCustomerInput => ({
    provider: 'ORB',
    externalId,
    email: `${externalId}@example.com`,
    name: 'Edsger Dijkstra',
    currency: 'USD',
    ...(key === undefined ? {} : { idempotencyKey: key }),
  });
  const writes = () => gateway.upstream().filter((entry) => entry.method !== 'GET');

  it('refuses keyed writes with STATE_UNAVAILABLE while reads go on, says so in the log, and recovers by itself', async () => {
    const before = await gateway.execute(CreateCustomerDocument, { input: orb('outage-before', 'key-before') });
    expect(before.data?.createCustomer).toMatchObject({ __typename: 'CreateCustomerPayload', replayed: false });
    const omiseHolder = await gateway.run('{ customers(provider: OMISE, first: 1) { edges { node { externalId } } } }');
    const omiseExternalId = omiseHolder.data.customers.edges[0].node.externalId as string;

    await redis.stop();
    await expect.poll(() => state.ready(), { timeout: 15_000 }).toBe(false);
    gateway.clearUpstream();

    // A keyed write is refused, typed, and nothing reaches the provider.
    const refused = await gateway.execute(CreateCustomerDocument, { input: orb('outage-during', 'key-during') });
    expect(refused.data?.createCustomer).toMatchObject({ __typename: 'StateUnavailableError', code: 'STATE_UNAVAILABLE' });
    expect(writes()).toHaveLength(0);
    // A write without a key needs no shared state and goes on.
    const keyless = await gateway.execute(CreateCustomerDocument, { input: orb('outage-keyless') });
    expect(keyless.data?.createCustomer).toMatchObject({ __typename: 'CreateCustomerPayload' });
    // Reads go on: a native external-ID lookup (Orb) answers; one that needs the shared index (Omise) is a typed error.
    const native = await gateway.execute(CustomerByExternalIdDocument, { externalId: 'outage-before', provider: 'ORB' });
    expect(native.data?.customerByExternalId?.externalId).toBe('outage-before');
    const indexed = await gateway.execute(CustomerByExternalIdDocument, { externalId: omiseExternalId, provider: 'OMISE' });
    expect(indexed.errors?.[0]?.extensions).toMatchObject({ code: 'STATE_UNAVAILABLE' });
    expect(await state.health()).toMatchObject({ ok: false, backend: 'redis' });
    expect(log.some((line) => /connection lost|unreachable/.test(line) && line.includes('reconnecting'))).toBe(true);

    await redis.start();
    await expect.poll(() => state.ready(), { timeout: 15_000, interval: 100 }).toBe(true);
    expect(log.some((line) => line.includes('restored'))).toBe(true);

    const after = await gateway.execute(CreateCustomerDocument, { input: orb('outage-during', 'key-during') });
    expect(after.data?.createCustomer).toMatchObject({ __typename: 'CreateCustomerPayload', replayed: false });
    // The ledger outlived the outage (Redis kept it on disk): the first key still replays.
    const replay = await gateway.execute(CreateCustomerDocument, { input: orb('outage-before', 'key-before') });
    expect(replay.data?.createCustomer).toMatchObject({ __typename: 'CreateCustomerPayload', replayed: true });
    const indexedAgain = await gateway.execute(CustomerByExternalIdDocument, { externalId: omiseExternalId, provider: 'OMISE' });
    expect(indexedAgain.data?.customerByExternalId?.externalId).toBe(omiseExternalId);
  });
});
