import { describe, expect, it } from 'vitest';
import { ReadCache, type CacheEntry, type CacheValues } from '../../src/cache/read-cache';
import type { Customer } from '../../src/providers/spec/provider';
import { createMemoryState } from '../../src/state/memory/memory-state';

/** A read cache on the real in-memory store, with one clock for both, recording the customer entries it stores. */
function cacheUnderTest() {
  let clock = 1_000_000;
  const now = () => clock;
  const values = createMemoryState({ now }).values;
  const writes: string[] = [];
  const counted: CacheValues = {
    getMany: (keys) => values.getMany(keys),
    set: async (key, value, ttlMs) => {
      if (key.includes(':customer:')) writes.push(key);
      await values.set(key, value, ttlMs);
    },
    delete: (key) => values.delete(key),
  };
  const cache = new ReadCache(counted, { ttlMs: { polar: 30_000 }, now });
  return { cache, writes, advance: (ms: number) => (clock += ms), now };
}

const customer = (id: string, email: string): Customer => ({
  provider: 'polar',
  providerId: id,
  externalId: null,
  email,
  name: null,
  status: 'ACTIVE',
  providerStatus: null,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  updatedAt: null,
  currency: null,
  timezone: null,
  metadata: {},
  billingAddress: null,
  raw: { id, email },
  embeddedState: null,
});
const page = (email = 'a@example.com'): CacheEntry[] =>
  ['c1', 'c2', 'c3'].map((id) => ({ kind: 'customer', id, value: customer(id, email), customerId: id }));
const emailOf = async (cache: ReadCache, id: string) => ((await cache.read('polar', 'customer', [id]))[0] as Customer | undefined)?.email;

describe('read cache: rows of a list', () => {
  it('stores a page asked for again and again once per period, and again after it', async () => {
    const { cache, writes, advance, now } = cacheUnderTest();
    await cache.fill('polar', page(), now(), { listed: true });
    expect(writes).toHaveLength(3);
    // The same page for many callers at once, and again within the period: nothing more is encoded or stored.
    await Promise.all(Array.from({ length: 10 }, () => cache.fill('polar', page('b@example.com'), now(), { listed: true })));
    advance(400);
    await cache.fill('polar', page('b@example.com'), now(), { listed: true });
    expect(writes).toHaveLength(3);
    expect(await emailOf(cache, 'c1')).toBe('a@example.com');
    // Two periods later every row is stored again.
    advance(1_000);
    await cache.fill('polar', page('c@example.com'), now(), { listed: true });
    expect(writes).toHaveLength(6);
    expect(await emailOf(cache, 'c1')).toBe('c@example.com');
  });

  it('a by-id read, or a fill that is not a list, always stores', async () => {
    const { cache, writes, now } = cacheUnderTest();
    await cache.fill('polar', page(), now(), { listed: true });
    await cache.fill('polar', page('b@example.com').slice(0, 1), now());
    expect(writes).toHaveLength(4);
    expect(await emailOf(cache, 'c1')).toBe('b@example.com');
  });

  it('after a change drops a customer, the next list stores it at once', async () => {
    const { cache, writes, advance, now } = cacheUnderTest();
    await cache.fill('polar', page(), now(), { listed: true });
    advance(10);
    await cache.drop('polar', 'c2');
    expect(await emailOf(cache, 'c2')).toBeUndefined();
    advance(10);
    writes.length = 0;
    await cache.fill('polar', page('d@example.com'), now(), { listed: true });
    expect(writes).toEqual(['cache:v2:polar:customer:c2']);
    expect(await emailOf(cache, 'c2')).toBe('d@example.com');
  });

  it('a row refused because its customer changed while it was read is stored by the next list', async () => {
    const { cache, writes, advance, now } = cacheUnderTest();
    const started = now();
    advance(10);
    await cache.drop('polar', 'c1');
    await cache.fill('polar', page(), started, { listed: true });
    expect(writes).toEqual(['cache:v2:polar:customer:c2', 'cache:v2:polar:customer:c3']);
    advance(10);
    await cache.fill('polar', page(), now(), { listed: true });
    expect(writes.slice(2)).toEqual(['cache:v2:polar:customer:c1']);
  });
});

describe('read cache: list pages', () => {
  const request = (cursor: string | null = null) => ({ limit: 3, cursor, filter: {} });
  const listPage = (email = 'a@example.com') => ({ customers: page(email).map((entry) => entry.value as Customer), nextCursor: 'next', totalCount: 3 });

  it('serves a stored page, dates as Dates, until its TTL runs out', async () => {
    const { cache, advance, now } = cacheUnderTest();
    await cache.fillList('polar', request(), listPage(), now());
    const served = await cache.readList('polar', request());
    expect(served).toEqual(listPage());
    expect(served?.customers[0]?.createdAt).toBeInstanceOf(Date);
    expect(await cache.readList('polar', request('next'))).toBeUndefined();
    expect(await cache.readList('orb', request())).toBeUndefined();
    advance(30_001);
    expect(await cache.readList('polar', request())).toBeUndefined();
  });

  it('a change of any customer of the provider voids every page read before it, and refuses a page read across it', async () => {
    const { cache, advance, now } = cacheUnderTest();
    await cache.fillList('polar', request(), listPage(), now());
    await cache.fillList('polar', request('next'), listPage(), now());
    const readingAcross = now();
    advance(10);
    await cache.drop('polar', 'c9');
    expect(await cache.readList('polar', request())).toBeUndefined();
    expect(await cache.readList('polar', request('next'))).toBeUndefined();
    await cache.fillList('polar', request(), listPage('b@example.com'), readingAcross);
    expect(await cache.readList('polar', request())).toBeUndefined();
    advance(10);
    await cache.fillList('polar', request(), listPage('c@example.com'), now());
    expect((await cache.readList('polar', request()))?.customers[0]?.email).toBe('c@example.com');
  });

  it('keeps no filtered page (a caller could vary a filter without end), and keys hold no request values', async () => {
    const now = () => 1_000_000;
    const keys: string[] = [];
    const spy = new ReadCache(
      { getMany: async (wanted) => wanted.map(() => null), set: async (key) => void keys.push(key), delete: async () => undefined },
      { ttlMs: { polar: 30_000 }, now },
    );
    for (const filter of [{ email: 'someone@example.com' }, { search: 'someone' }, { createdAfter: new Date(0) }, { createdBefore: new Date(0) }]) {
      await spy.fillList('polar', { limit: 3, cursor: null, filter }, listPage(), now());
    }
    expect(keys).toEqual([]);
    await spy.fillList('polar', { limit: 3, cursor: 'opaque-provider-cursor', filter: { email: null, search: undefined } }, listPage(), now());
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^cache:v2:polar:list:[\w-]{43}$/);
  });
});
