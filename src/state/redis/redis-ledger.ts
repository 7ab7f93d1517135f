import { randomUUID } from 'node:crypto';
import type { LedgerClaim, LedgerRecord, LedgerState, LedgerStore } from '../state-port';
import { KeyWaiters } from '../key-waiters';
import type { RedisConnection } from './redis-connection';
import type { RedisKeys } from './redis-keys';

/** The write ledger in Redis: one hash per key (state, fingerprint, owner, lease, result), changed by scripts. */
export function createRedisLedger(connection: RedisConnection, keys: RedisKeys): LedgerStore {
  const waiters = new KeyWaiters();
  let listening: Promise<unknown> | null = null;
  // One subscription for every key: a change wakes this instance's duplicates of that key.
  const listen = () => {
    listening ??= connection
      .subscribe(keys.ledgerChannel, (key) => waiters.notify(key))
      .catch(() => {
        listening = null;
      });
    return listening;
  };

  return {
    async claim(key, fingerprint, { leaseMs, ttlMs }): Promise<LedgerClaim> {
      const owner = randomUUID();
      const reply = (await connection.script('ledgerClaim', [keys.ledger(key)], [fingerprint, owner, leaseMs, ttlMs])) as string[];
      const [outcome, detail, result] = reply;
      switch (outcome) {
        case 'claimed':
          return { outcome, owner, previous: detail as 'none' | 'unknown' | 'abandoned', result: result ?? null };
        case 'done':
          return { outcome, result: detail as string };
        case 'conflict':
        case 'in-flight':
          return { outcome };
        default:
          throw new Error(`unexpected ledger reply ${String(outcome)}`);
      }
    },
    async renew(key, owner, leaseMs) {
      return (await connection.script('ledgerRenew', [keys.ledger(key)], [owner, leaseMs])) === 1;
    },
    async settle(key, owner, result, ttlMs) {
      return (await connection.script('ledgerFinish', [keys.ledger(key)], [owner, 'done', result, ttlMs, keys.ledgerChannel, key])) === 1;
    },
    async markUnknown(key, owner, result, ttlMs) {
      return (await connection.script('ledgerFinish', [keys.ledger(key)], [owner, 'unknown', result, ttlMs, keys.ledgerChannel, key])) === 1;
    },
    async release(key, owner) {
      await connection.script('ledgerRelease', [keys.ledger(key)], [owner, keys.ledgerChannel, key]);
    },
    async read(key): Promise<LedgerRecord | null> {
      const record = await connection.run((client) => client.hgetall(keys.ledger(key)));
      if (record.state === undefined) return null;
      return { state: record.state as LedgerState, fingerprint: record.fingerprint ?? '', result: record.result ?? null };
    },
    async waitForChange(key, timeoutMs) {
      // Without the subscription (Redis away) the timeout alone paces the caller's next read.
      await Promise.race([listen(), new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
      await waiters.wait(key, timeoutMs);
    },
  };
}
