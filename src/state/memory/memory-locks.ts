import { randomUUID } from 'node:crypto';
import type { LockStore } from '../state-port';

/** Locks within this process, with the same lease rules as the shared store. */
export function createMemoryLocks(now: () => number): LockStore {
  const held = new Map<string, { token: string; expiresAt: number }>();
  const holder = (name: string) => {
    const lock = held.get(name);
    if (lock !== undefined && lock.expiresAt <= now()) {
      held.delete(name);
      return undefined;
    }
    return lock;
  };
  return {
    async acquire(name, leaseMs) {
      if (holder(name) !== undefined) return null;
      const token = randomUUID();
      held.set(name, { token, expiresAt: now() + leaseMs });
      return token;
    },
    async extend(name, token, leaseMs) {
      const lock = holder(name);
      if (lock?.token !== token) return false;
      lock.expiresAt = now() + leaseMs;
      return true;
    },
    async release(name, token) {
      if (holder(name)?.token === token) held.delete(name);
    },
  };
}
