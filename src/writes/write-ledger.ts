import { ConflictError } from './write-errors';

interface Entry {
  fingerprint: string;
  result: Promise<unknown>;
  storedAt: number;
}

export interface WriteLedger {
  /**
   * Runs `write` once per idempotency key: the same key with the same input returns the first result (even while
   * it is still running); the same key with another input is a ConflictError. A write whose outcome is unknown
   * is not stored, so a retry runs again (and providers that honour the key deduplicate it themselves).
   */
  run<T>(key: string, fingerprint: string, write: () => Promise<T>, isSettled: (result: T) => boolean): Promise<{ result: T; replayed: boolean }>;
  size(): number;
}

/** Keys are kept 24 hours, like the providers that honour them, and at most `capacity` of them. */
export function createWriteLedger(options: { ttlMs?: number; capacity?: number; now?: () => number } = {}): WriteLedger {
  const ttlMs = options.ttlMs ?? 24 * 3600 * 1000;
  const capacity = options.capacity ?? 100_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();

  const evict = () => {
    const cutoff = now() - ttlMs;
    for (const [key, entry] of entries) {
      // Room for the entry about to be stored: at most `capacity` keys at any time.
      if (entry.storedAt >= cutoff && entries.size < capacity) break;
      entries.delete(key);
    }
  };

  return {
    async run(key, fingerprint, write, isSettled) {
      evict();
      const existing = entries.get(key);
      if (existing !== undefined) {
        if (existing.fingerprint !== fingerprint) {
          throw new ConflictError(`idempotencyKey "${key}" was already used for a different request; use a new key for a new write.`);
        }
        return { result: (await existing.result) as never, replayed: true };
      }
      const result = write();
      entries.set(key, { fingerprint, result, storedAt: now() });
      try {
        const value = await result;
        if (!isSettled(value)) entries.delete(key);
        return { result: value, replayed: false };
      } catch (error) {
        entries.delete(key);
        throw error;
      }
    },
    size: () => entries.size,
  };
}
