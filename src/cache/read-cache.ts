import { decodeCached, encodeCached, type CachedKind, type CachedValues } from './cache-codec';

export type { CachedKind, CachedValues };

/** One value to store, of one kind. */
export type CacheEntry = { [K in CachedKind]: { kind: K; id: string; value: CachedValues[K]; customerId: string } }[CachedKind];

/** What the read cache needs from the state port's key-value store (memory or Redis). */
export interface CacheValues {
  getMany(keys: readonly string[]): Promise<(string | null)[]>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface ReadCacheOptions {
  /** Per provider; 0 or absent: nothing of that provider is cached. */
  ttlMs: Readonly<Record<string, number>>;
  now?: () => number;
  /** Told when the store cannot be reached; the read goes to the provider instead. */
  onError?: (error: unknown) => void;
  /** Told of every lookup's hits and misses (metrics); a store that cannot be reached counts as misses. */
  onLookup?: (lookup: { provider: string; kind: CachedKind; hits: number; misses: number }) => void;
}

/**
 * Provider reads kept for a short while, per provider, in the state port: customers, states, entitlements and the
 * external-ID → id pointers of providers that look external IDs up natively. An entry lives at most its
 * provider's TTL. A change (webhook or own write) drops the customer's entries and leaves a marker, so a read
 * that started before the change cannot put the old answer back afterwards.
 */
export class ReadCache {
  private readonly now: () => number;

  constructor(
    private readonly values: CacheValues,
    private readonly options: ReadCacheOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  enabled(provider: string): boolean {
    return (this.options.ttlMs[provider] ?? 0) > 0;
  }

  /** The cached values, `undefined` for misses (and for every key when the store is down). */
  async read<K extends CachedKind>(provider: string, kind: K, ids: readonly string[]): Promise<(CachedValues[K] | undefined)[]> {
    if (!this.enabled(provider) || ids.length === 0) return ids.map(() => undefined);
    try {
      const found = await this.values.getMany(ids.map((id) => key(provider, kind, id)));
      const values = found.map((text) => (text === null ? undefined : decodeCached(kind, text)));
      const hits = values.filter((value) => value !== undefined).length;
      this.options.onLookup?.({ provider, kind, hits, misses: ids.length - hits });
      return values;
    } catch (error) {
      this.options.onError?.(error);
      this.options.onLookup?.({ provider, kind, hits: 0, misses: ids.length });
      return ids.map(() => undefined);
    }
  }

  /** Stores what a read that started at `startedAtMs` returned, unless the customer changed since. */
  async fill(provider: string, entries: readonly CacheEntry[], startedAtMs: number): Promise<void> {
    const ttlMs = this.options.ttlMs[provider] ?? 0;
    if (ttlMs <= 0 || entries.length === 0) return;
    try {
      const customerIds = [...new Set(entries.map((entry) => entry.customerId))];
      const marks = await this.values.getMany(customerIds.map((id) => key(provider, 'dropped', id)));
      const changedSince = new Set(customerIds.filter((_id, index) => marks[index] !== null && Number(marks[index]) >= startedAtMs));
      await Promise.all(
        entries
          .filter((entry) => !changedSince.has(entry.customerId))
          .map((entry) => this.values.set(key(provider, entry.kind, entry.id), encodeCached(entry.value), ttlMs)),
      );
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  /**
   * Forgets a customer: its entries, the external-ID pointers named, and a marker that refuses fills from reads
   * that began before now. Rejects when the store cannot be reached, so a webhook is retried by its provider.
   */
  async drop(provider: string, customerId: string, externalIds: readonly string[] = []): Promise<void> {
    const ttlMs = this.options.ttlMs[provider] ?? 0;
    if (ttlMs <= 0) return;
    await this.values.set(key(provider, 'dropped', customerId), String(this.now()), ttlMs);
    await Promise.all([
      this.values.delete(key(provider, 'customer', customerId)),
      this.values.delete(key(provider, 'state', customerId)),
      this.values.delete(key(provider, 'entitlements', customerId)),
      ...externalIds.map((externalId) => this.values.delete(key(provider, 'external', externalId))),
    ]);
  }
}

// v2: values are plain JSON, dates as ISO strings (v1 tagged them). Instances of the two versions sharing one Redis
// keep separate entries, so a change one of them drops may be served by the other until its entry's TTL runs out.
function key(provider: string, kind: CachedKind | 'dropped', id: string): string {
  return `cache:v2:${provider}:${kind}:${id}`;
}
