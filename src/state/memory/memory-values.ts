import type { KeyValueStore } from '../state-port';
import { ExpiringMap } from './expiring-map';

/** Values with a time to live in this process. */
export function createMemoryValues(now: () => number, capacity: number): KeyValueStore {
  const values = new ExpiringMap<string>(now, capacity);
  return {
    async get(key) {
      return values.get(key) ?? null;
    },
    async getMany(keys) {
      return keys.map((key) => values.get(key) ?? null);
    },
    async set(key, value, ttlMs) {
      values.set(key, value, ttlMs);
    },
    async setIfAbsent(key, value, ttlMs) {
      if (values.get(key) !== undefined) return false;
      values.set(key, value, ttlMs);
      return true;
    },
    async delete(key) {
      values.delete(key);
    },
  };
}
