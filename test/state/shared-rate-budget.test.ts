import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger';
import { ProviderError } from '../../src/providers/spec/errors';
import { SharedRateBudget } from '../../src/providers/kit/shared-rate-budget';
import { TokenBucketBudget } from '../../src/providers/kit/token-bucket';
import type { RateLimit } from '../../src/providers/kit/rate-budget';
import { createMemoryState } from '../../src/state/memory/memory-state';
import type { RedisState } from '../../src/state/redis/redis-state';
import type { BudgetStore } from '../../src/state/state-port';
import { connectRedisState, describeWithRedis, uniquePrefix } from '../support/redis';

const limits: Record<string, RateLimit> = { orb: { perSecond: 2, burst: 2 }, stigg: { perSecond: null, burst: 1 } };

/** One instance's budget over a store; no waiting, so every refusal shows at once. */
function instance(store: BudgetStore, maxWaitMs = 0): SharedRateBudget {
  return new SharedRateBudget({ store, limits, maxWaitMs, local: new TokenBucketBudget({ limits, maxWaitMs }), logger: silentLogger });
}

const refused = (promise: Promise<void>) => promise.then(() => 'granted', (error: unknown) => (error instanceof ProviderError ? error.code : String(error)));

describe('shared rate budget over the memory store', () => {
  it('lets instances draw from one bucket: two calls of burst 2 in all, not two each', async () => {
    const store = createMemoryState().budgets;
    const [first, second] = [instance(store), instance(store)];
    expect(await refused(first.acquire('orb', {}))).toBe('granted');
    expect(await refused(second.acquire('orb', {}))).toBe('granted');
    expect(await refused(first.acquire('orb', {}))).toBe('RATE_LIMITED');
    expect(await refused(second.acquire('orb', {}))).toBe('RATE_LIMITED');
  });

  it('waits for the next token when the request may wait that long', async () => {
    const store = createMemoryState().budgets;
    const budget = instance(store, 5_000);
    await budget.acquire('orb', {});
    await budget.acquire('orb', {});
    const started = Date.now();
    await budget.acquire('orb', {});
    // 2 calls per second: the third waits about half a second (timers may fire late on a busy machine, not early).
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  });

  it('leaves unlimited providers to the local budget, and the store out of it', async () => {
    const calls: string[] = [];
    const store: BudgetStore = { ...createMemoryState().budgets, take: async (bucket) => (calls.push(bucket), { granted: true, retryInMs: 0 }) };
    const budget = instance(store);
    for (let call = 0; call < 10; call++) await budget.acquire('stigg', {});
    expect(calls).toEqual([]);
  });

  it('pauses every instance on a rate limit (a burst of 429s), not on a lone 429 among many calls', async () => {
    const roomy: Record<string, RateLimit> = { orb: { perSecond: 100, burst: 100 } };
    const store = createMemoryState().budgets;
    const make = () => new SharedRateBudget({ store, limits: roomy, maxWaitMs: 0, local: new TokenBucketBudget({ limits: roomy, maxWaitMs: 0 }), logger: silentLogger });
    const [first, second] = [make(), make()];
    for (let call = 0; call < 20; call++) expect(await refused(first.acquire('orb', {}))).toBe('granted');
    await first.onThrottled('orb', 30_000);
    // One 429 among 20 calls: only that call waits (in its retry); nobody else is paused.
    expect(await refused(second.acquire('orb', {}))).toBe('granted');
    expect(await refused(first.acquire('orb', {}))).toBe('granted');
    // Six 429s among 21 calls in the last second (29 %) is still below the 30 % share; the seventh (33 %) is a rate limit.
    for (let answer = 0; answer < 5; answer++) await first.onThrottled('orb', 30_000);
    expect(await refused(second.acquire('orb', {}))).toBe('granted');
    await first.onThrottled('orb', 30_000);
    expect(await refused(second.acquire('orb', {}))).toBe('RATE_LIMITED');
    expect(await refused(first.acquire('orb', {}))).toBe('RATE_LIMITED');
  });

  it('falls back to this instance’s own budget when the store is unreachable', async () => {
    const failing: BudgetStore = {
      ...createMemoryState().budgets,
      take: async () => Promise.reject(new Error('down')),
      pause: async () => Promise.reject(new Error('down')),
    };
    const budget = instance(failing);
    expect(await refused(budget.acquire('orb', {}))).toBe('granted');
    expect(await refused(budget.acquire('orb', {}))).toBe('granted');
    expect(await refused(budget.acquire('orb', {}))).toBe('RATE_LIMITED');
    await budget.onThrottled('orb', 1000);
  });
});

describeWithRedis('Shared rate budget suite', 'shared rate budget over Redis, two instances', (redis) => {
  const states: RedisState[] = [];
  afterAll(async () => {
    await Promise.all(states.map((state) => state.close()));
  });
  const connect = async (prefix: string) => {
    const state = await connectRedisState(redis.url, prefix);
    states.push(state);
    return state;
  };

  it('keeps two instances together under the provider’s burst, and a 429 seen by one pauses both', async () => {
    const prefix = uniquePrefix('budget');
    const [first, second] = [instance((await connect(prefix)).budgets), instance((await connect(prefix)).budgets)];
    const answers = await Promise.all([first, second, first, second].map((budget) => refused(budget.acquire('orb', {}))));
    expect(answers.filter((answer) => answer === 'granted')).toHaveLength(2);
    expect(answers.filter((answer) => answer === 'RATE_LIMITED')).toHaveLength(2);

    const patient = instance(states[1]!.budgets, 2_000);
    // A rate limit (three 429s, all the answers this instance had in the last second), not a stray 429.
    for (let answer = 0; answer < 3; answer++) await first.onThrottled('orb', 30_000);
    // Paused for 30 s by the other instance's 429s: more than this call may wait, so it is refused at once.
    expect(await refused(patient.acquire('orb', {}))).toBe('RATE_LIMITED');
  });
});
