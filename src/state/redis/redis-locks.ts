import { randomUUID } from 'node:crypto';
import type { LockStore } from '../state-port';
import type { RedisConnection } from './redis-connection';
import type { RedisKeys } from './redis-keys';

/** A lock is a key holding its holder's token, set only when absent and expiring with the lease. */
export function createRedisLocks(connection: RedisConnection, keys: RedisKeys): LockStore {
  return {
    async acquire(name, leaseMs) {
      const token = randomUUID();
      const reply = await connection.run((client) => client.set(keys.lock(name), token, 'PX', leaseMs, 'NX'));
      return reply === 'OK' ? token : null;
    },
    async extend(name, token, leaseMs) {
      return (await connection.script('lockExtend', [keys.lock(name)], [token, leaseMs])) === 1;
    },
    async release(name, token) {
      await connection.script('lockRelease', [keys.lock(name)], [token]);
    },
  };
}
