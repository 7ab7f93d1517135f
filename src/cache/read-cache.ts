import { createHash } from 'node:crypto';
import type { ListPage, ListRequest } from '../providers/spec/provider';
import { decodeCached, encodeCached, type CachedKind, type CachedValues } from './cache-codec';

export type { CachedKind, CachedValues };

/** The kinds stored per id (a customer's entries and external-ID pointers); list pages have `readList`/`fillList`. */
export type EntryKind = Exclude<CachedKind, 'list'>;

/** One value to store, of one kind. */
export type CacheEntry = { [K in EntryKind]: { kind: K; id: string; value: CachedValues[K]; customerId: string } }[EntryKind];

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
 * Provider reads kept for a short while, per provider, in the state port: customers, states, entitlements, the
 * external-ID → id pointers of providers that look external IDs up natively, and unfiltered list pages. An entry lives at most
 * its provider's TTL. A change (webhook or own write) drops the customer's entries and leaves a marker, so a read
 * that started before the change cannot put the old answer back afterwards; it also voids every list page of that
 * provider read before it (a change may move a customer into, out of or within any page).
 */
export class ReadCache {
  private readonly now: () => number;
  private readonly recentlyListed: RecentlyListed;

  constructor(
    private readonly values: CacheValues,
    private readonly options: ReadCacheOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.recentlyListed = new RecentlyListed(LIST_REFRESH_MS, this.now);
  }

  enabled(provider: string): boolean {
    return (this.options.ttlMs[provider] ?? 0) > 0;
  }

  /** The cached values, `undefined` for misses (and for every key when the store is down). */
  async read<K extends EntryKind>(provider: string, kind: K, ids: readonly string[]): Promise<(CachedValues[K] | undefined)[]> {
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

  /**
   * Stores what a read that started at `startedAtMs` returned, unless the customer changed since. `listed` marks
   * the rows of a list: each is stored only if this instance has not stored it from a list in the last
   * `LIST_REFRESH_MS` (see `RecentlyListed`).
   */
  async fill(provider: string, entries: readonly CacheEntry[], startedAtMs: number, options: { listed?: boolean } = {}): Promise<void> {
    const ttlMs = this.options.ttlMs[provider] ?? 0;
    if (ttlMs <= 0 || entries.length === 0) return;
    const keyed = entries.map((entry) => ({ entry, key: key(provider, entry.kind, entry.id) }));
    // Claimed before the first await, so the same page answered to many callers at once is stored once.
    const wanted = options.listed === true ? keyed.filter(({ key: entryKey }) => this.recentlyListed.claim(entryKey)) : keyed;
    if (wanted.length === 0) return;
    const stored = new Set<string>();
    try {
      const customerIds = [...new Set(wanted.map(({ entry }) => entry.customerId))];
      const marks = await this.values.getMany(customerIds.map((id) => key(provider, 'dropped', id)));
      const changedSince = new Set(customerIds.filter((_id, index) => marks[index] !== null && Number(marks[index]) >= startedAtMs));
      await Promise.all(
        wanted
          .filter(({ entry }) => !changedSince.has(entry.customerId))
          .map(async ({ entry, key: entryKey }) => {
            await this.values.set(entryKey, encodeCached(entry.value), ttlMs);
            stored.add(entryKey);
          }),
      );
    } catch (error) {
      this.options.onError?.(error);
    } finally {
      // A claim whose entry was refused (changed since) or not written leaves the way open to the next list.
      if (options.listed === true) for (const { key: entryKey } of wanted) if (!stored.has(entryKey)) this.recentlyListed.forget(entryKey);
    }
  }

  /**
   * The page a list request got, while fresh: read with the provider's list marker in one round trip, and served only
   * when no change of that provider came after the read that got it began. `undefined` for a miss. Only pages without
   * a filter are kept (see `unfiltered`).
   */
  async readList(provider: string, request: ListRequest): Promise<ListPage | undefined> {
    if (!this.enabled(provider) || !unfiltered(request)) return undefined;
    try {
      const [text = null, changedAt = null] = await this.values.getMany([key(provider, 'list', listId(request)), key(provider, 'listsDropped', ALL)]);
      const cached = text === null ? undefined : decodeCached('list', text);
      const fresh = cached !== undefined && (changedAt === null || Number(changedAt) < cached.startedAt) ? cached.page : undefined;
      this.options.onLookup?.({ provider, kind: 'list', hits: fresh === undefined ? 0 : 1, misses: fresh === undefined ? 1 : 0 });
      return fresh;
    } catch (error) {
      this.options.onError?.(error);
      this.options.onLookup?.({ provider, kind: 'list', hits: 0, misses: 1 });
      return undefined;
    }
  }

  /** Stores the page a list read that began at `startedAtMs` got, unless a change of that provider came since. */
  async fillList(provider: string, request: ListRequest, page: ListPage, startedAtMs: number): Promise<void> {
    const ttlMs = this.options.ttlMs[provider] ?? 0;
    if (ttlMs <= 0 || !unfiltered(request)) return;
    try {
      const [changedAt = null] = await this.values.getMany([key(provider, 'listsDropped', ALL)]);
      if (changedAt !== null && Number(changedAt) >= startedAtMs) return;
      await this.values.set(key(provider, 'list', listId(request)), encodeCached({ startedAt: startedAtMs, page }), ttlMs);
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  /**
   * Forgets a customer: its entries, the external-ID pointers named, every list page of its provider, and a marker
   * that refuses fills from reads that began before now. Rejects when the store cannot be reached, so a webhook is
   * retried by its provider.
   */
  async drop(provider: string, customerId: string, externalIds: readonly string[] = []): Promise<void> {
    const ttlMs = this.options.ttlMs[provider] ?? 0;
    if (ttlMs <= 0) return;
    this.recentlyListed.forget(key(provider, 'customer', customerId));
    const now = String(this.now());
    // The list marker outlives every page it voids: each was stored before it, for at most the same TTL.
    await Promise.all([this.values.set(key(provider, 'dropped', customerId), now, ttlMs), this.values.set(key(provider, 'listsDropped', ALL), now, ttlMs)]);
    await Promise.all([
      this.values.delete(key(provider, 'customer', customerId)),
      this.values.delete(key(provider, 'state', customerId)),
      this.values.delete(key(provider, 'entitlements', customerId)),
      ...externalIds.map((externalId) => this.values.delete(key(provider, 'external', externalId))),
    ]);
  }
}

/**
 * How often one instance stores a listed customer again. A page asked for over and over (a dashboard polling, many
 * users on the same first page) stored each of its rows on every call: encoding them was the largest single cost of
 * a cached page (12 % of the gateway's CPU at 0 ms). Now each row is refreshed at most about once a second. What a
 * read can see does not change: an entry is never older than its TTL, a change (webhook or own write) still drops
 * it at once, and a row not stored is only a miss for the next by-id read.
 */
const LIST_REFRESH_MS = 500;

/** Keys stored from lists in the current and the previous period of `periodMs`: bounded by what two periods list. */
class RecentlyListed {
  private current = new Set<string>();
  private previous = new Set<string>();
  private startedAt: number;

  constructor(
    private readonly periodMs: number,
    private readonly now: () => number,
  ) {
    this.startedAt = now();
  }

  /** True (and now claimed) when the key was not stored from a list within the last one to two periods. */
  claim(entryKey: string): boolean {
    this.turn();
    if (this.current.has(entryKey) || this.previous.has(entryKey)) return false;
    this.current.add(entryKey);
    return true;
  }

  forget(entryKey: string): void {
    this.current.delete(entryKey);
    this.previous.delete(entryKey);
  }

  private turn(): void {
    const now = this.now();
    const elapsed = now - this.startedAt;
    if (elapsed < this.periodMs) return;
    this.previous = elapsed < 2 * this.periodMs ? this.current : new Set();
    this.current = new Set();
    this.startedAt = now;
  }
}

// v2: values are plain JSON, dates as ISO strings (v1 tagged them). Instances of the two versions sharing one Redis
// keep separate entries, so a change one of them drops may be served by the other until its entry's TTL runs out.
function key(provider: string, kind: CachedKind | 'dropped' | 'listsDropped', id: string): string {
  return `cache:v2:${provider}:${kind}:${id}`;
}

const ALL = 'all';

/**
 * Whether a list request may be kept: only pages without a filter. Their keys are bounded by the page sizes and the
 * cursors the gateway itself signed; a filter's values are the caller's to vary, and each page is some 25 KB (20
 * customers), so filtered searches would let one caller fill the store with pages nobody asks for twice.
 */
function unfiltered(request: ListRequest): boolean {
  const { email, createdAfter, createdBefore, search } = request.filter;
  return email == null && createdAfter == null && createdBefore == null && search == null;
}

/** A list request's key: a digest of its page size, cursor and filter, short whatever the provider's cursor. */
function listId(request: ListRequest): string {
  return createHash('sha256').update(JSON.stringify([request.limit, request.cursor, request.filter])).digest('base64url');
}
