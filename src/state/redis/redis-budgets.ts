import { randomUUID } from 'node:crypto';
import type { BudgetStore } from '../state-port';
import type { RedisConnection } from './redis-connection';
import type { RedisKeys } from './redis-keys';

/** Token buckets (a hash) and slot pools (a sorted set by lease end) that every instance draws from. */
export function createRedisBudgets(connection: RedisConnection, keys: RedisKeys): BudgetStore {
  return {
    async take(bucket, rule, cost) {
      const [granted, wait] = (await connection.script('bucketTake', [keys.bucket(bucket)], [rule.capacity, rule.refillPerSecond, cost])) as [number, number];
      return { granted: granted === 1, retryInMs: wait };
    },
    async pause(bucket, durationMs) {
      await connection.script('bucketPause', [keys.bucket(bucket)], [Math.max(0, Math.ceil(durationMs))]);
    },
    async acquireSlot(pool, limit, leaseMs) {
      const token = randomUUID();
      return (await connection.script('slotAcquire', [keys.slots(pool)], [limit, leaseMs, token])) === 1 ? token : null;
    },
    async releaseSlot(pool, token) {
      await connection.run((client) => client.zrem(keys.slots(pool), token));
    },
  };
}
