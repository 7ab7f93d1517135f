import type { StateStore } from '../state-port';
import { createMemoryBudgets } from './memory-budgets';
import { createMemoryIdentity } from './memory-identity';
import { createMemoryLedger } from './memory-ledger';
import { createMemoryLocks } from './memory-locks';
import { createMemoryPubSub } from './memory-pubsub';
import { createMemoryValues } from './memory-values';

export interface MemoryStateOptions {
  /** The clock, in epoch milliseconds; tests pass their own. @default Date.now */
  now?: () => number;
  /** Most idempotency keys kept; the oldest go first past it. @default 100000 */
  ledgerCapacity?: number;
  /** Most plain values kept (read cache, event ids). @default 100000 */
  valueCapacity?: number;
}

/** State in this process: one instance only. A restart forgets it, and a second instance does not see it. */
export function createMemoryState(options: MemoryStateOptions = {}): StateStore {
  const now = options.now ?? Date.now;
  return {
    backend: 'memory',
    shared: false,
    ledger: createMemoryLedger(now, options.ledgerCapacity ?? 100_000),
    identity: createMemoryIdentity(),
    locks: createMemoryLocks(now),
    budgets: createMemoryBudgets(now),
    values: createMemoryValues(now, options.valueCapacity ?? 100_000),
    pubsub: createMemoryPubSub(),
    health: async () => ({ ok: true, backend: 'memory', detail: 'in-process memory (single instance)' }),
    ready: async () => true,
    close: async () => {},
  };
}
