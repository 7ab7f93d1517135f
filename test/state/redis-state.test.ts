import { afterAll, beforeEach } from 'vitest';
import type { RedisState } from '../../src/state/redis/redis-state';
import { connectRedisState, describeWithRedis, uniquePrefix } from '../support/redis';
import { describeStateContract, type StateFixture } from './state-contract';

describeWithRedis('Redis state-store suite', 'redis state store', (redis) => {
  const stores: RedisState[] = [];
  let current: StateFixture;

  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
  });
  beforeEach(async () => {
    const store = await connectRedisState(redis.url, uniquePrefix('contract'));
    stores.push(store);
    current = { store, advance: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };
  });

  describeStateContract('redis', () => current);
});
