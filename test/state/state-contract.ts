import { describe, expect, it } from 'vitest';
import type { StateStore } from '../../src/state/state-port';

export interface StateFixture {
  store: StateStore;
  /** Moves time on: the memory store's clock, or real time for Redis (keep the amounts small). */
  advance(ms: number): Promise<void>;
}

const lease = { leaseMs: 200, ttlMs: 600 };

/** The behaviour every state store must have; run against memory and against a real Redis. */
export function describeStateContract(name: string, fixture: () => StateFixture): void {
  describe(`${name}: write ledger`, () => {
    it('claims a key once; a duplicate sees it in flight, another input a conflict, and then the stored result', async () => {
      const { ledger } = fixture().store;
      const claim = await ledger.claim('k1', 'fp-a', lease);
      expect(claim).toMatchObject({ outcome: 'claimed', previous: 'none', result: null });
      expect(await ledger.claim('k1', 'fp-a', lease)).toEqual({ outcome: 'in-flight' });
      expect(await ledger.claim('k1', 'fp-b', lease)).toEqual({ outcome: 'conflict' });
      expect(await ledger.read('k1')).toEqual({ state: 'in-flight', fingerprint: 'fp-a', result: null });
      const owner = (claim as { owner: string }).owner;
      expect(await ledger.settle('k1', 'somebody-else', 'other', lease.ttlMs)).toBe(false);
      expect(await ledger.settle('k1', owner, '{"id":1}', lease.ttlMs)).toBe(true);
      expect(await ledger.claim('k1', 'fp-a', lease)).toEqual({ outcome: 'done', result: '{"id":1}' });
      expect(await ledger.claim('k1', 'fp-b', lease)).toEqual({ outcome: 'conflict' });
      // Settled, the owner holds nothing any more.
      expect(await ledger.markUnknown('k1', owner, 'x', lease.ttlMs)).toBe(false);
    });

    it('remembers an unknown outcome: the same input claims again (told so), another input is a conflict', async () => {
      const { ledger } = fixture().store;
      const first = (await ledger.claim('k2', 'fp-a', lease)) as { owner: string };
      expect(await ledger.markUnknown('k2', first.owner, 'timed out', lease.ttlMs)).toBe(true);
      expect(await ledger.read('k2')).toEqual({ state: 'unknown', fingerprint: 'fp-a', result: 'timed out' });
      expect(await ledger.claim('k2', 'fp-b', lease)).toEqual({ outcome: 'conflict' });
      const again = await ledger.claim('k2', 'fp-a', lease);
      expect(again).toMatchObject({ outcome: 'claimed', previous: 'unknown', result: 'timed out' });
      expect((again as { owner: string }).owner).not.toBe(first.owner);
      // The first owner lost the key when it was claimed again.
      expect(await ledger.settle('k2', first.owner, 'late', lease.ttlMs)).toBe(false);
    });

    it('frees a released key, and only for its owner', async () => {
      const { ledger } = fixture().store;
      const claim = (await ledger.claim('k3', 'fp-a', lease)) as { owner: string };
      await ledger.release('k3', 'not-the-owner');
      expect(await ledger.claim('k3', 'fp-b', lease)).toEqual({ outcome: 'conflict' });
      await ledger.release('k3', claim.owner);
      expect(await ledger.read('k3')).toBeNull();
      expect(await ledger.claim('k3', 'fp-b', lease)).toMatchObject({ outcome: 'claimed', previous: 'none' });
    });

    it('treats a lease that ran out as abandoned (unknown, never free); a renewed lease stays held', async () => {
      const { store, advance } = fixture();
      const held = (await store.ledger.claim('k4', 'fp-a', lease)) as { owner: string };
      const renewed = (await store.ledger.claim('k5', 'fp-a', lease)) as { owner: string };
      await advance(120);
      expect(await store.ledger.renew('k5', renewed.owner, lease.leaseMs)).toBe(true);
      expect(await store.ledger.renew('k5', 'not-the-owner', lease.leaseMs)).toBe(false);
      await advance(120);
      expect(await store.ledger.claim('k4', 'fp-b', lease)).toEqual({ outcome: 'conflict' });
      expect(await store.ledger.claim('k4', 'fp-a', lease)).toMatchObject({ outcome: 'claimed', previous: 'abandoned' });
      expect(await store.ledger.settle('k4', held.owner, 'late', lease.ttlMs)).toBe(false);
      expect(await store.ledger.claim('k5', 'fp-a', lease)).toEqual({ outcome: 'in-flight' });
    });

    it('forgets a key after its time to live', async () => {
      const { store, advance } = fixture();
      const claim = (await store.ledger.claim('k6', 'fp-a', lease)) as { owner: string };
      await store.ledger.settle('k6', claim.owner, 'r', 300);
      await advance(450);
      expect(await store.ledger.read('k6')).toBeNull();
      expect(await store.ledger.claim('k6', 'fp-b', lease)).toMatchObject({ outcome: 'claimed', previous: 'none' });
    });

    it('gives a key to exactly one of many concurrent claims', async () => {
      const { ledger } = fixture().store;
      const claims = await Promise.all(Array.from({ length: 12 }, () => ledger.claim('k7', 'fp-a', lease)));
      expect(claims.filter((claim) => claim.outcome === 'claimed')).toHaveLength(1);
      expect(claims.filter((claim) => claim.outcome === 'in-flight')).toHaveLength(11);
    });

    it('wakes a waiter when the key settles, long before its timeout', async () => {
      const { ledger } = fixture().store;
      const claim = (await ledger.claim('k8', 'fp-a', lease)) as { owner: string };
      const woken = ledger.waitForChange('k8', 20_000).then(() => 'woken');
      await new Promise((resolve) => setTimeout(resolve, 50));
      await ledger.settle('k8', claim.owner, 'r', lease.ttlMs);
      const timeout = new Promise((resolve) => setTimeout(() => resolve('timed out'), 10_000));
      expect(await Promise.race([woken, timeout])).toBe('woken');
    });
  });

  describe(`${name}: identity index`, () => {
    it('maps external IDs to ids and back as customers are recorded, changed and removed', async () => {
      const { identity } = fixture().store;
      await identity.record('omise', 'cust_1', 'user_1');
      await identity.record('synctera', 'cust_1', 'other');
      expect(await identity.lookup('omise', 'user_1')).toBe('cust_1');
      expect(await identity.lookup('omise', 'other')).toBeNull();
      // A new external ID for the same customer drops the old mapping.
      await identity.record('omise', 'cust_1', 'user_1b');
      expect(await identity.lookup('omise', 'user_1')).toBeNull();
      expect(await identity.lookup('omise', 'user_1b')).toBe('cust_1');
      // Another customer now holding the external ID takes it; the first customer's change then keeps it there.
      await identity.record('omise', 'cust_2', 'user_1b');
      await identity.record('omise', 'cust_1', 'user_9');
      expect(await identity.lookup('omise', 'user_1b')).toBe('cust_2');
      await identity.record('omise', 'cust_2', null);
      expect(await identity.lookup('omise', 'user_1b')).toBeNull();
      expect(await identity.size('omise')).toBe(1);
      expect(await identity.size('synctera')).toBe(1);
    });

    it('loads a walk keeping what is there, or overriding it, and keeps a mark per provider', async () => {
      const { identity } = fixture().store;
      await identity.record('omise', 'cust_new', 'user_1');
      await identity.recordMany('omise', [{ id: 'cust_old', externalId: 'user_1' }, { id: 'cust_3', externalId: 'user_3' }], { keepExisting: true });
      expect(await identity.lookup('omise', 'user_1')).toBe('cust_new');
      expect(await identity.lookup('omise', 'user_3')).toBe('cust_3');
      await identity.recordMany('omise', [{ id: 'cust_newer', externalId: 'user_1' }], { keepExisting: false });
      expect(await identity.lookup('omise', 'user_1')).toBe('cust_newer');
      expect(await identity.size('omise')).toBe(2);

      expect(await identity.mark('omise')).toBeNull();
      await identity.setMark('omise', { complete: true, refreshedThrough: 1_700_000_000_123 });
      expect(await identity.mark('omise')).toEqual({ complete: true, refreshedThrough: 1_700_000_000_123 });
      await identity.clear('omise');
      expect(await identity.mark('omise')).toBeNull();
      expect(await identity.lookup('omise', 'user_3')).toBeNull();
      expect(await identity.size('omise')).toBe(0);
    });
  });

  describe(`${name}: locks`, () => {
    it('lets one holder in at a time, until release or the lease runs out', async () => {
      const { store, advance } = fixture();
      const token = await store.locks.acquire('build', 200);
      expect(token).not.toBeNull();
      expect(await store.locks.acquire('build', 200)).toBeNull();
      await store.locks.release('build', 'not-the-holder');
      expect(await store.locks.acquire('build', 200)).toBeNull();
      expect(await store.locks.extend('build', token as string, 200)).toBe(true);
      await store.locks.release('build', token as string);
      const second = await store.locks.acquire('build', 200);
      expect(second).not.toBeNull();
      await advance(300);
      expect(await store.locks.extend('build', second as string, 200)).toBe(false);
      expect(await store.locks.acquire('build', 200)).not.toBeNull();
    });
  });

  describe(`${name}: rate budgets`, () => {
    it('grants a bucket up to its capacity, says when more comes, refills and pauses', async () => {
      const { store, advance } = fixture();
      const rule = { capacity: 3, refillPerSecond: 5 };
      for (let call = 0; call < 3; call++) expect(await store.budgets.take('orb', rule, 1)).toEqual({ granted: true, retryInMs: 0 });
      const refused = await store.budgets.take('orb', rule, 1);
      expect(refused.granted).toBe(false);
      expect(refused.retryInMs).toBeGreaterThan(0);
      expect(refused.retryInMs).toBeLessThanOrEqual(200);
      await advance(450);
      expect((await store.budgets.take('orb', rule, 2)).granted).toBe(true);

      await store.budgets.pause('orb', 10_000);
      const paused = await store.budgets.take('orb', rule, 1);
      expect(paused.granted).toBe(false);
      expect(paused.retryInMs).toBeGreaterThan(5_000);
      // Other buckets are untouched.
      expect((await store.budgets.take('polar', rule, 1)).granted).toBe(true);
    });

    it('hands out at most `limit` slots, frees them on release or when a lease runs out', async () => {
      const { store, advance } = fixture();
      const first = await store.budgets.acquireSlot('omise', 2, 200);
      const second = await store.budgets.acquireSlot('omise', 2, 5_000);
      expect(first).not.toBeNull();
      expect(second).not.toBeNull();
      expect(await store.budgets.acquireSlot('omise', 2, 200)).toBeNull();
      await store.budgets.releaseSlot('omise', second as string);
      const third = await store.budgets.acquireSlot('omise', 2, 5_000);
      expect(third).not.toBeNull();
      expect(await store.budgets.acquireSlot('omise', 2, 200)).toBeNull();
      await advance(300);
      expect(await store.budgets.acquireSlot('omise', 2, 200)).not.toBeNull();
    });
  });

  describe(`${name}: values`, () => {
    it('stores values with a time to live, reads many at once, and sets only when absent', async () => {
      const { store, advance } = fixture();
      await store.values.set('a', '1', 300);
      await store.values.set('b', '2', 5_000);
      expect(await store.values.get('a')).toBe('1');
      expect(await store.values.getMany(['a', 'missing', 'b'])).toEqual(['1', null, '2']);
      expect(await store.values.setIfAbsent('b', 'x', 5_000)).toBe(false);
      expect(await store.values.setIfAbsent('c', '3', 5_000)).toBe(true);
      expect(await store.values.get('c')).toBe('3');
      await store.values.delete('c');
      expect(await store.values.get('c')).toBeNull();
      await advance(450);
      expect(await store.values.get('a')).toBeNull();
      expect(await store.values.setIfAbsent('a', 'again', 5_000)).toBe(true);
      expect(await store.values.getMany([])).toEqual([]);
    });
  });

  describe(`${name}: publish and subscribe`, () => {
    it('delivers each message to every live subscriber of the channel, and none after unsubscribing', async () => {
      const { pubsub } = fixture().store;
      const first: string[] = [];
      const second: string[] = [];
      const stopFirst = await pubsub.subscribe('events', (message) => first.push(message));
      const stopSecond = await pubsub.subscribe('events', (message) => second.push(message));
      const other: string[] = [];
      const stopOther = await pubsub.subscribe('other', (message) => other.push(message));
      await pubsub.publish('events', 'one');
      await expect.poll(() => second, { timeout: 5_000 }).toEqual(['one']);
      expect(first).toEqual(['one']);
      await stopFirst();
      await pubsub.publish('events', 'two');
      await expect.poll(() => second, { timeout: 5_000 }).toEqual(['one', 'two']);
      expect(first).toEqual(['one']);
      expect(other).toEqual([]);
      await stopSecond();
      await stopOther();
    });
  });

  describe(`${name}: health`, () => {
    it('says it is ready', async () => {
      const { store } = fixture();
      expect(await store.ready()).toBe(true);
      expect(await store.health()).toMatchObject({ ok: true, backend: store.backend });
    });
  });
}
