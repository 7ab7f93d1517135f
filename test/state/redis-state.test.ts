import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { silentLogger } from '../../src/logger';
import { createRedisState, type RedisState } from '../../src/state/redis/redis-state';
import { redisAvailability, redisRequired, startOwnRedis, uniquePrefix, type OwnRedis } from '../support/redis';
import { describeStateContract, type StateFixture } from './state-contract';

const availability = redisAvailability();
if (availability.skipReason !== null) console.warn(availability.skipReason);

if (availability.skipReason !== null && redisRequired) {
  describe('Redis under CI', () => {
    it('is available', () => {
      throw new Error(`CI=true needs a Redis: ${availability.skipReason}`);
    });
  });
}

describe.runIf(availability.skipReason === null)('redis state store', () => {
  let own: OwnRedis | null = null;
  let url: string;
  const stores: RedisState[] = [];
  let current: StateFixture;

  beforeAll(async () => {
    if (availability.url !== null) url = availability.url;
    else {
      own = await startOwnRedis();
      url = own.url;
    }
  });
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await own?.close();
  });
  beforeEach(async () => {
    const store = createRedisState({ target: { url, sentinels: null, sentinelName: null, clusterNodes: null, options: {} }, keyPrefix: uniquePrefix('contract'), logger: silentLogger });
    stores.push(store);
    await store.waitUntilConnected(10_000);
    current = { store, advance: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };
  });

  describeStateContract('redis', () => current);
});
