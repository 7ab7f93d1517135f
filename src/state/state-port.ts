/**
 * The state port: everything several gateway instances must agree on lives behind it, so one instance or ten
 * behave as one. Two implementations: in-process memory (one instance, the embedded default) and Redis (many).
 * Values are strings: each user encodes its own records, so the port knows nothing of writes or customers.
 * Every operation may reject with `StateUnavailableError` when the store cannot be reached.
 */

/** A write ledger record's life: claimed and running, settled with its first result, or outcome unknown. */
export type LedgerState = 'in-flight' | 'done' | 'unknown';

export type LedgerClaim =
  /** The caller holds the key and may write. `previous` says whether an earlier attempt's outcome is unknown. */
  | { outcome: 'claimed'; owner: string; previous: 'none' | 'unknown' | 'abandoned'; result: string | null }
  /** The key was used for a different input. */
  | { outcome: 'conflict' }
  /** Another caller (this instance or another) is writing under the key right now. */
  | { outcome: 'in-flight' }
  /** The key's first result, to replay. */
  | { outcome: 'done'; result: string };

export interface LedgerRecord {
  state: LedgerState;
  fingerprint: string;
  /** The stored result (`done`), or what the caller was told (`unknown`); null while in flight. */
  result: string | null;
}

/**
 * Idempotency keys, claimed atomically. A claim is an in-flight marker with a lease: the owner renews it while
 * it writes, and a lease that runs out (the instance died mid-write) makes the outcome `abandoned`, which is
 * unknown, never free.
 */
export interface LedgerStore {
  /**
   * Atomically: no record, an unknown outcome or an abandoned lease under the same fingerprint → claimed by a new
   * owner; another fingerprint → conflict; a live claim → in-flight; a stored result → done.
   */
  claim(key: string, fingerprint: string, options: { leaseMs: number; ttlMs: number }): Promise<LedgerClaim>;
  /** Keeps a claim alive while a long write runs; false when the owner no longer holds it. */
  renew(key: string, owner: string, leaseMs: number): Promise<boolean>;
  /** The first result, kept `ttlMs`; false when the owner no longer holds the claim. */
  settle(key: string, owner: string, result: string, ttlMs: number): Promise<boolean>;
  /** The write may have happened: remembered with its fingerprint, so another input under the key stays a conflict. */
  markUnknown(key: string, owner: string, result: string, ttlMs: number): Promise<boolean>;
  /** Nothing was written: the key is free again. */
  release(key: string, owner: string): Promise<void>;
  read(key: string): Promise<LedgerRecord | null>;
  /** Resolves when the key's record changes or after `timeoutMs`, whichever is first; callers read again. */
  waitForChange(key: string, timeoutMs: number): Promise<void>;
}

/** Where a build of one provider's identity index stands. */
export interface IdentityMark {
  /** A full walk finished once; refreshes after it only read what is newer than `refreshedThrough`. */
  complete: boolean;
  /** Epoch milliseconds: every customer created before it has been read. */
  refreshedThrough: number;
}

/** External ID ↔ native id, per provider, for providers that keep the external ID only in metadata. */
export interface IdentityStore {
  lookup(provider: string, externalId: string): Promise<string | null>;
  /**
   * A customer as the gateway just wrote or read it: its external ID now maps to it (null removes its mapping).
   * Another customer's mapping under a different external ID is kept.
   */
  record(provider: string, id: string, externalId: string | null): Promise<void>;
  /**
   * Many customers from a list walk. `keepExisting`: an external ID or id already mapped keeps its mapping (a
   * full walk, where newer customers and writes came first); otherwise these override.
   */
  recordMany(provider: string, entries: readonly { id: string; externalId: string }[], options: { keepExisting: boolean }): Promise<void>;
  size(provider: string): Promise<number>;
  mark(provider: string): Promise<IdentityMark | null>;
  setMark(provider: string, mark: IdentityMark): Promise<void>;
  /** Drops a provider's whole index and its mark, e.g. when its account changes. */
  clear(provider: string): Promise<void>;
}

/** Mutual exclusion across instances, with a lease so a dead holder never blocks forever. */
export interface LockStore {
  /** A token when acquired, null when someone else holds the lock. */
  acquire(name: string, leaseMs: number): Promise<string | null>;
  /** False when the token no longer holds the lock. */
  extend(name: string, token: string, leaseMs: number): Promise<boolean>;
  release(name: string, token: string): Promise<void>;
}

export interface BucketRule {
  /** Most tokens the bucket holds (the burst). */
  capacity: number;
  /** Tokens added per second. */
  refillPerSecond: number;
}

/** Rate budgets and concurrency slots shared by every instance, so N instances together stay under a limit. */
export interface BudgetStore {
  /** Takes `cost` tokens when the bucket has them; otherwise says how long until it will. */
  take(bucket: string, rule: BucketRule, cost: number): Promise<{ granted: boolean; retryInMs: number }>;
  /**
   * Empties the bucket for `durationMs` (a provider's Retry-After), for every instance. A duration rather than a
   * time, so instances whose clocks disagree with the store's still pause alike.
   */
  pause(bucket: string, durationMs: number): Promise<void>;
  /** A slot among `limit`, held until released or until the lease runs out; null when all are taken. */
  acquireSlot(pool: string, limit: number, leaseMs: number): Promise<string | null>;
  releaseSlot(pool: string, token: string): Promise<void>;
}

/** Plain values with a time to live: a read cache, webhook event ids seen. */
export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  getMany(keys: readonly string[]): Promise<(string | null)[]>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** True when the value was stored, false when the key already held one (de-duplication). */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  delete(key: string): Promise<void>;
}

/** Messages to every instance, this one included. Delivery is at most once; nothing is kept for late subscribers. */
export interface PubSub {
  publish(channel: string, message: string): Promise<void>;
  /** Resolves once the subscription is live; the returned function ends it. */
  subscribe(channel: string, listener: (message: string) => void): Promise<() => Promise<void>>;
}

export interface StateHealth {
  ok: boolean;
  backend: 'memory' | 'redis';
  /** Plain words for logs and readiness, never credentials. */
  detail: string;
}

export interface StateStore {
  readonly backend: 'memory' | 'redis';
  /** True when other instances see the same state (Redis); memory is this process only. */
  readonly shared: boolean;
  readonly ledger: LedgerStore;
  readonly identity: IdentityStore;
  readonly locks: LockStore;
  readonly budgets: BudgetStore;
  readonly values: KeyValueStore;
  readonly pubsub: PubSub;
  /** Whether the store answers now (a round trip for Redis); for readiness probes. Never throws. */
  health(): Promise<StateHealth>;
  /** The same as `health().ok`, for a readiness probe that wants a boolean. */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}
