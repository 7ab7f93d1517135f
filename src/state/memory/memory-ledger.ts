import { randomUUID } from 'node:crypto';
import type { LedgerClaim, LedgerRecord, LedgerStore } from '../state-port';
import { KeyWaiters } from '../key-waiters';
import { ExpiringMap } from './expiring-map';

interface Entry extends LedgerRecord {
  owner: string | null;
  leaseExpiresAt: number;
}

/** The write ledger in this process: one instance's keys, with the same claim rules as the shared store. */
export function createMemoryLedger(now: () => number, capacity: number): LedgerStore {
  const entries = new ExpiringMap<Entry>(now, capacity);
  const waiters = new KeyWaiters();

  const notify = (key: string) => waiters.notify(key);
  const owned = (key: string, owner: string): Entry | undefined => {
    const entry = entries.get(key);
    return entry !== undefined && entry.state === 'in-flight' && entry.owner === owner ? entry : undefined;
  };

  return {
    async claim(key, fingerprint, { leaseMs, ttlMs }): Promise<LedgerClaim> {
      const entry = entries.get(key);
      const take = (previous: 'none' | 'unknown' | 'abandoned', result: string | null): LedgerClaim => {
        const owner = randomUUID();
        entries.set(key, { state: 'in-flight', fingerprint, result: null, owner, leaseExpiresAt: now() + leaseMs }, ttlMs);
        return { outcome: 'claimed', owner, previous, result };
      };
      if (entry === undefined) return take('none', null);
      if (entry.fingerprint !== fingerprint) return { outcome: 'conflict' };
      if (entry.state === 'done') return { outcome: 'done', result: entry.result as string };
      if (entry.state === 'unknown') return take('unknown', entry.result);
      if (entry.leaseExpiresAt <= now()) return take('abandoned', null);
      return { outcome: 'in-flight' };
    },
    async renew(key, owner, leaseMs) {
      const entry = owned(key, owner);
      if (entry === undefined) return false;
      entry.leaseExpiresAt = now() + leaseMs;
      return true;
    },
    async settle(key, owner, result, ttlMs) {
      const entry = owned(key, owner);
      if (entry === undefined) return false;
      entries.set(key, { state: 'done', fingerprint: entry.fingerprint, result, owner: null, leaseExpiresAt: 0 }, ttlMs);
      notify(key);
      return true;
    },
    async markUnknown(key, owner, result, ttlMs) {
      const entry = owned(key, owner);
      if (entry === undefined) return false;
      entries.set(key, { state: 'unknown', fingerprint: entry.fingerprint, result, owner: null, leaseExpiresAt: 0 }, ttlMs);
      notify(key);
      return true;
    },
    async release(key, owner) {
      if (owned(key, owner) === undefined) return;
      entries.delete(key);
      notify(key);
    },
    async read(key) {
      const entry = entries.get(key);
      return entry === undefined ? null : { state: entry.state, fingerprint: entry.fingerprint, result: entry.result };
    },
    waitForChange(key, timeoutMs) {
      return waiters.wait(key, timeoutMs);
    },
  };
}
