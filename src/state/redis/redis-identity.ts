import type { IdentityMark, IdentityStore } from '../state-port';
import type { RedisConnection } from './redis-connection';
import type { RedisKeys } from './redis-keys';

/** Pairs per script call when loading a walk: large enough to be quick, small enough not to stall Redis. */
const CHUNK = 500;

/** The identity index in Redis: two hashes per provider (external ID → id, id → external ID) and a mark. */
export function createRedisIdentity(connection: RedisConnection, keys: RedisKeys): IdentityStore {
  const indexKeys = (provider: string) => [keys.identityByExternalId(provider), keys.identityById(provider)];
  return {
    lookup: (provider, externalId) => connection.run((client) => client.hget(keys.identityByExternalId(provider), externalId)),
    async record(provider, id, externalId) {
      await connection.script('identityRecord', indexKeys(provider), ['0', id, externalId ?? '']);
    },
    async recordMany(provider, entries, { keepExisting }) {
      for (let start = 0; start < entries.length; start += CHUNK) {
        const pairs = entries.slice(start, start + CHUNK).flatMap((entry) => [entry.id, entry.externalId]);
        await connection.script('identityRecord', indexKeys(provider), [keepExisting ? '1' : '0', ...pairs]);
      }
    },
    size: (provider) => connection.run((client) => client.hlen(keys.identityByExternalId(provider))),
    async mark(provider) {
      const text = await connection.run((client) => client.get(keys.identityMark(provider)));
      return text === null ? null : (JSON.parse(text) as IdentityMark);
    },
    async setMark(provider, mark) {
      await connection.run((client) => client.set(keys.identityMark(provider), JSON.stringify(mark)));
    },
    async clear(provider) {
      await connection.run((client) => client.del(...indexKeys(provider), keys.identityMark(provider)));
    },
  };
}
