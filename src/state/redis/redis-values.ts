import type { KeyValueStore } from '../state-port';
import type { RedisConnection } from './redis-connection';
import type { RedisKeys } from './redis-keys';

/** Plain strings with PX expiry. Many gets go out together (auto-pipelined), which a Cluster also accepts. */
export function createRedisValues(connection: RedisConnection, keys: RedisKeys): KeyValueStore {
  return {
    get: (key) => connection.run((client) => client.get(keys.value(key))),
    getMany: (many) => connection.run((client) => Promise.all(many.map((key) => client.get(keys.value(key))))),
    async set(key, value, ttlMs) {
      await connection.run((client) => client.set(keys.value(key), value, 'PX', ttlMs));
    },
    async setIfAbsent(key, value, ttlMs) {
      return (await connection.run((client) => client.set(keys.value(key), value, 'PX', ttlMs, 'NX'))) === 'OK';
    },
    async delete(key) {
      await connection.run((client) => client.del(keys.value(key)));
    },
  };
}
