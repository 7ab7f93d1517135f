import { createMemoryLedger } from '../state/memory/memory-ledger';
import type { LedgerStore } from '../state/state-port';
import { taggedJson, type Codec } from './tagged-json';
import { ConflictError } from './write-errors';

/** What an earlier attempt under the key left behind, so a write can reconcile before writing again. */
export interface Attempt<T> {
  /** `unknown`: an earlier attempt may have written; `abandoned`: its instance stopped mid-write. */
  previous: 'none' | 'unknown' | 'abandoned';
  previousResult: T | null;
}

export interface LedgerRunOptions<T> {
  /** How results travel through the store. @default tagged JSON (dates survive) */
  codec?: Codec<T>;
  /** Whether an unsettled result may have changed anything; when not, the key is freed. @default always */
  hasEffect?(result: T): boolean;
  /** Whether a thrown error leaves the outcome unknown. @default its `outcomeUnknown` flag */
  isUnknownError?(error: unknown): boolean;
  /** Ends a wait for a concurrent duplicate early (the request's own deadline). */
  signal?: AbortSignal;
}

export interface WriteLedger {
  /**
   * Runs `write` once per idempotency key, across every instance sharing the store: the same key with the same
   * input returns the first settled result (a concurrent duplicate waits for it); another input under the key
   * is a ConflictError, also after an unknown outcome. An unsettled result is remembered as unknown, so a retry
   * runs again (told so through `attempt`) while a different input stays a conflict.
   */
  run<T>(key: string, fingerprint: string, write: (attempt: Attempt<T>) => Promise<T>, isSettled: (result: T) => boolean, options?: LedgerRunOptions<T>): Promise<{ result: T; replayed: boolean }>;
  /** The stored record of a key, for tests and operators. */
  inspect(key: string): ReturnType<LedgerStore['read']>;
}

export interface WriteLedgerOptions {
  /** Where keys live; a memory store of this process when absent. */
  store?: LedgerStore;
  /** How long a key's first result is kept. @default 24 hours, as Stripe-style idempotency */
  ttlMs?: number;
  /** A claim not renewed for this long belongs to an instance that stopped mid-write. @default 30 s */
  leaseMs?: number;
  /** Longest wait for a concurrent duplicate before answering "still in progress". @default 30 s */
  waitMs?: number;
  /** The clock of the memory store made when `store` is absent. */
  now?: () => number;
  /** Most keys that memory store keeps; the oldest go first. @default 100000 */
  capacity?: number;
}

/** Encoded beside the result: whether the write returned it or threw it. */
interface Stored {
  thrown: boolean;
  value: string;
}

export function createWriteLedger(options: WriteLedgerOptions = {}): WriteLedger {
  const ttlMs = options.ttlMs ?? 24 * 3600 * 1000;
  const leaseMs = options.leaseMs ?? 30_000;
  const waitMs = options.waitMs ?? 30_000;
  const store = options.store ?? createMemoryLedger(options.now ?? Date.now, options.capacity ?? 100_000);

  return {
    inspect: (key) => store.read(key),
    async run(key, fingerprint, write, isSettled, runOptions = {}) {
      const codec = runOptions.codec ?? taggedJson;
      const encode = (stored: Stored) => JSON.stringify(stored);
      const replay = (text: string): { result: never; replayed: true } => {
        const stored = JSON.parse(text) as Stored;
        if (stored.thrown) throw codec.decodeError(stored.value);
        return { result: codec.decode(stored.value) as never, replayed: true };
      };
      const conflict = () => new ConflictError(`idempotencyKey "${key}" was already used for a different request; use a new key for a new write.`);
      const waitUntil = Date.now() + waitMs;

      for (;;) {
        const claim = await store.claim(key, fingerprint, { leaseMs, ttlMs });
        if (claim.outcome === 'conflict') throw conflict();
        if (claim.outcome === 'done') return replay(claim.result);
        if (claim.outcome === 'in-flight') {
          const remaining = waitUntil - Date.now();
          if (remaining <= 0 || runOptions.signal?.aborted) {
            throw new ConflictError(`a write with idempotencyKey "${key}" is still in progress; retry with the same key shortly to get its result.`);
          }
          // Woken by the store's notice; the timeout is a backstop for a notice lost with a connection.
          await store.waitForChange(key, Math.min(remaining, 250));
          const record = await store.read(key);
          // The write this call waited for ended with an unknown outcome: answer what its caller was told.
          if (record?.state === 'unknown' && record.fingerprint === fingerprint && record.result !== null) return replay(record.result);
          continue;
        }

        const previousResult = claim.result === null ? null : (() => {
          const stored = JSON.parse(claim.result) as Stored;
          return stored.thrown ? null : (codec.decode(stored.value) as never);
        })();
        const renewal = setInterval(() => void store.renew(key, claim.owner, leaseMs).catch(() => undefined), leaseMs / 3);
        renewal.unref();
        try {
          let result: Awaited<ReturnType<typeof write>>;
          try {
            result = await write({ previous: claim.previous, previousResult });
          } catch (error) {
            const unknown = (runOptions.isUnknownError ?? hasUnknownOutcome)(error);
            if (unknown) await store.markUnknown(key, claim.owner, encode({ thrown: true, value: codec.encodeError(error) }), ttlMs).catch(() => undefined);
            else await store.release(key, claim.owner).catch(() => undefined);
            throw error;
          }
          const value = encode({ thrown: false, value: codec.encode(result) });
          // A store that fails now cannot take the result; the caller still gets it (the write happened), and the
          // claim's lease runs out into "abandoned", which a retry treats as unknown: never as free.
          if (isSettled(result)) await store.settle(key, claim.owner, value, ttlMs).catch(() => undefined);
          else if (runOptions.hasEffect?.(result) ?? true) await store.markUnknown(key, claim.owner, value, ttlMs).catch(() => undefined);
          else await store.release(key, claim.owner).catch(() => undefined);
          return { result, replayed: false };
        } finally {
          clearInterval(renewal);
        }
      }
    },
  };
}

function hasUnknownOutcome(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { outcomeUnknown?: unknown }).outcomeUnknown === true;
}
