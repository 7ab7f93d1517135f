import { describe, expect, it } from 'vitest';
import { AttemptControl } from '../../src/providers/kit/attempt-control';
import { ConcurrencyCeiling } from '../../src/providers/kit/concurrency-ceiling';
import { ProviderError } from '../../src/providers/spec/errors';
import { ThrottleWindow } from '../../src/providers/kit/throttle-window';
import { TokenBucketBudget } from '../../src/providers/kit/token-bucket';
import { ManualClock } from '../support/manual-clock';

/** Starts `count` acquisitions and records the clock time at which each was granted. */
function acquireMany(budget: TokenBucketBudget, clock: ManualClock, count: number, provider = 'polar') {
  const grantedAt: number[] = [];
  const failures: unknown[] = [];
  for (let index = 0; index < count; index++) {
    budget.acquire(provider, {}).then(
      () => grantedAt.push(clock.now()),
      (error: unknown) => failures.push(error),
    );
  }
  return { grantedAt, failures };
}

describe('token bucket rate budget', () => {
  it('lets a burst through at once, then paces calls at the configured rate', async () => {
    const clock = new ManualClock();
    const start = clock.now();
    const budget = new TokenBucketBudget({ limits: { polar: { perSecond: 10, burst: 3 } }, maxWaitMs: 10_000, clock });
    const { grantedAt } = acquireMany(budget, clock, 8);
    await clock.advance(0);
    expect(grantedAt).toHaveLength(3);
    await clock.advance(1000);
    expect(grantedAt.map((time) => time - start)).toEqual([0, 0, 0, 100, 200, 300, 400, 500]);
  });

  it('never throttles a provider without a limit, and keeps providers apart', async () => {
    const clock = new ManualClock();
    const budget = new TokenBucketBudget({ limits: { orb: { perSecond: 1, burst: 1 } }, maxWaitMs: 10_000, clock });
    const free = acquireMany(budget, clock, 500, 'synctera');
    const limited = acquireMany(budget, clock, 2, 'orb');
    await clock.advance(0);
    expect(free.grantedAt).toHaveLength(500);
    expect(limited.grantedAt).toHaveLength(1);
  });

  it('refuses at once, with RATE_LIMITED, a wait longer than the deadline or the longest wait', async () => {
    const clock = new ManualClock();
    const budget = new TokenBucketBudget({ limits: { polar: { perSecond: 1, burst: 1 } }, maxWaitMs: 5000, clock });
    await budget.acquire('polar', {});
    const early = budget.acquire('polar', { deadline: clock.now() + 500 });
    await expect(early).rejects.toMatchObject({ code: 'RATE_LIMITED', provider: 'polar', retryable: false });
    // Within the deadline it waits its turn.
    const waiting = budget.acquire('polar', { deadline: clock.now() + 1500 });
    let granted = false;
    void waiting.then(() => (granted = true));
    await clock.advance(999);
    expect(granted).toBe(false);
    await clock.advance(1);
    expect(granted).toBe(true);
    // Queue five deep at 1/s: the sixth would wait past the five-second longest wait.
    const queued = acquireMany(budget, clock, 5);
    const sixth = budget.acquire('polar', {});
    await expect(sixth).rejects.toBeInstanceOf(ProviderError);
    await clock.advance(5000);
    expect(queued.grantedAt).toHaveLength(5);
    expect(queued.failures).toEqual([]);
  });

  it('lets a cancelled request leave the queue without taking budget', async () => {
    const clock = new ManualClock();
    const budget = new TokenBucketBudget({ limits: { polar: { perSecond: 1, burst: 1 } }, maxWaitMs: 10_000, clock });
    await budget.acquire('polar', {});
    const controller = new AbortController();
    const cancelled = budget.acquire('polar', { signal: controller.signal });
    const next = acquireMany(budget, clock, 1);
    controller.abort(new Error('client went away'));
    await expect(cancelled).rejects.toThrow('client went away');
    await clock.advance(1000);
    // The next caller got the token the cancelled one would have taken.
    expect(next.grantedAt).toEqual([clock.now()]);
  });

  it('a lone 429 among many granted calls neither pauses nor slows the provider (its own call retries)', async () => {
    const clock = new ManualClock();
    const budget = new TokenBucketBudget({ limits: { polar: { perSecond: 100, burst: 100 } }, maxWaitMs: 10_000, clock });
    for (let call = 0; call < 40; call++) await budget.acquire('polar', {});
    budget.onThrottled('polar', 1000);
    expect(budget.currentRate('polar')).toBe(100);
    // Two 429s are still no rate limit, and neither are three among 40 calls in the last second (7.5 %).
    budget.onThrottled('polar', 1000);
    budget.onThrottled('polar', 1000);
    expect(budget.currentRate('polar')).toBe(100);
    const next = acquireMany(budget, clock, 5);
    await clock.advance(0);
    expect(next.grantedAt).toEqual([clock.now(), clock.now(), clock.now(), clock.now(), clock.now()]);
  });

  it('a second later, old 429s no longer count: stray ones spread over time never add up to a rate limit', async () => {
    const clock = new ManualClock();
    const budget = new TokenBucketBudget({ limits: { polar: { perSecond: 100, burst: 100 } }, maxWaitMs: 10_000, clock });
    for (let second = 0; second < 5; second++) {
      for (let call = 0; call < 2; call++) await budget.acquire('polar', {});
      budget.onThrottled('polar', 1000);
      budget.onThrottled('polar', 1000);
      await clock.advance(1000);
    }
    expect(budget.currentRate('polar')).toBe(100);
  });

  it('on a burst of 429s (a real rate limit) waits out Retry-After, slows down, then recovers to the configured rate', async () => {
    const clock = new ManualClock();
    const budget = new TokenBucketBudget({ limits: { polar: { perSecond: 100, burst: 10 } }, maxWaitMs: 10_000, clock });
    expect(budget.currentRate('polar')).toBe(100);
    for (let call = 0; call < 10; call++) await budget.acquire('polar', {});
    budget.onThrottled('polar', 1000);
    budget.onThrottled('polar', 1000);
    expect(budget.currentRate('polar')).toBe(100);
    // The third 429 among ten calls (30 %): the provider is rate limiting.
    budget.onThrottled('polar', 1000);
    expect(budget.currentRate('polar')).toBe(75);
    // 429s answering calls sent before the cut do not cut again.
    await clock.advance(500);
    budget.onThrottled('polar', null);
    expect(budget.currentRate('polar')).toBe(75);
    const paused = acquireMany(budget, clock, 1);
    await clock.advance(499);
    expect(paused.grantedAt).toHaveLength(0);
    await clock.advance(1);
    expect(paused.grantedAt).toHaveLength(1);
    await clock.advance(1500);
    expect(budget.currentRate('polar')).toBeCloseTo(90, 5);
    await clock.advance(10_000);
    expect(budget.currentRate('polar')).toBe(100);
  });

  it('an unlimited budget learns a rate from a burst of 429s (below what was too much) and forgets it later', async () => {
    const clock = new ManualClock();
    const budget = new TokenBucketBudget({ limits: {}, maxWaitMs: 10_000, clock });
    for (let second = 0; second < 2; second++) {
      for (let call = 0; call < 40; call++) await budget.acquire('omise', {});
      await clock.advance(1000);
    }
    for (let answer = 0; answer < 12; answer++) budget.onThrottled('omise', null);
    const learned = budget.currentRate('omise');
    expect(learned).toBeGreaterThan(10);
    expect(learned).toBeLessThan(40);
    const { grantedAt } = acquireMany(budget, clock, 20, 'omise');
    await clock.advance(0);
    expect(grantedAt.length).toBeLessThan(20);
    await clock.advance(30_000);
    expect(budget.currentRate('omise')).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('telling a rate limit from stray 429s (#11)', () => {
  it('six 429s in a row, with no other answer between them, are a rate limit; answers between them break the run', async () => {
    const clock = new ManualClock();
    const budget = new TokenBucketBudget({ limits: {}, maxWaitMs: 10_000, clock });
    for (let call = 0; call < 200; call++) await budget.acquire('polar', {});
    // 5 in a row, an answer, 5 in a row: 10 of 200 calls (5 %), no run of six.
    for (const status of [429, 429, 429, 429, 429, 200, 429, 429, 429, 429, 429]) {
      if (status === 429) budget.onThrottled('polar', null);
      else budget.onAnswered('polar');
    }
    expect(budget.currentRate('polar')).toBe(Number.POSITIVE_INFINITY);
    budget.onThrottled('polar', null);
    expect(budget.currentRate('polar')).toBeLessThan(Number.POSITIVE_INFINITY);
  });

  it('learns three quarters of what the provider let through, not of what was sent, and holds it', async () => {
    const clock = new ManualClock();
    const budget = new TokenBucketBudget({ limits: {}, maxWaitMs: 10_000, clock });
    // 60 calls a second for a second, all answered; then 400 a second, of which the provider (at 100/s) lets one
    // in four through. The 400 sent are not the rate to learn from; the ~100 let through are.
    for (let call = 0; call < 60; call++) {
      await budget.acquire('polar', {});
      budget.onAnswered('polar');
      await clock.advance(1000 / 60);
    }
    for (let call = 0; call < 400 && budget.currentRate('polar') === Number.POSITIVE_INFINITY; call++) {
      await budget.acquire('polar', {});
      if (call % 4 === 0) budget.onAnswered('polar');
      else budget.onThrottled('polar', null);
      await clock.advance(2.5);
    }
    const learned = budget.currentRate('polar');
    expect(learned).toBeGreaterThan(40);
    expect(learned).toBeLessThanOrEqual(75);
    // Held, not regained: above it lies the limit.
    await clock.advance(20_000);
    expect(budget.currentRate('polar')).toBe(learned);
    await clock.advance(10_000);
    expect(budget.currentRate('polar')).toBe(Number.POSITIVE_INFINITY);
  });

  it('without a configured limit, a few random 429s in a quiet second invent no limit (ten are needed)', async () => {
    const clock = new ManualClock();
    const budget = new TokenBucketBudget({ limits: {}, maxWaitMs: 10_000, clock });
    for (let call = 0; call < 10; call++) await budget.acquire('omise', {});
    // 3 of 10 would pause a configured budget; spread out, so no run and no 100 ms burst.
    for (let answer = 0; answer < 9; answer++) {
      budget.onAnswered('omise');
      if (answer % 3 === 0) budget.onThrottled('omise', 1000);
      await clock.advance(50);
    }
    expect(budget.currentRate('omise')).toBe(Number.POSITIVE_INFINITY);
  });

  it('six 429s within 100 ms that are most of its calls are a rate limit, however few in the second', async () => {
    const clock = new ManualClock();
    const budget = new TokenBucketBudget({ limits: { polar: { perSecond: 100, burst: 100 } }, maxWaitMs: 10_000, clock });
    for (let call = 0; call < 60; call++) await budget.acquire('polar', {});
    await clock.advance(500);
    for (let call = 0; call < 8; call++) await budget.acquire('polar', {});
    for (let answer = 0; answer < 5; answer++) {
      budget.onAnswered('polar');
      budget.onThrottled('polar', null);
    }
    expect(budget.currentRate('polar')).toBe(100);
    budget.onAnswered('polar');
    budget.onThrottled('polar', null);
    expect(budget.currentRate('polar')).toBe(75);
  });
});

describe('concurrency ceiling', () => {
  it('holds calls beyond the limit until a slot is released, per provider', async () => {
    const ceiling = new ConcurrencyCeiling(2);
    const first = await ceiling.acquire('orb', undefined);
    await ceiling.acquire('orb', undefined);
    await ceiling.acquire('stigg', undefined);
    let third = false;
    const waiting = ceiling.acquire('orb', undefined).then((release) => {
      third = true;
      return release;
    });
    await Promise.resolve();
    expect(third).toBe(false);
    first();
    first();
    (await waiting)();
    expect(third).toBe(true);
    expect(ceiling.inFlight('orb')).toBe(1);
    expect(ceiling.inFlight('stigg')).toBe(1);
  });

  it('drops a cancelled waiter from the queue', async () => {
    const ceiling = new ConcurrencyCeiling(1);
    const release = await ceiling.acquire('orb', undefined);
    const control = new AttemptControl();
    const cancelled = ceiling.acquire('orb', control);
    control.abort(new Error('gone'));
    await expect(cancelled).rejects.toThrow('gone');
    release();
    expect(ceiling.inFlight('orb')).toBe(0);
  });
});

describe('throttle window (#11)', () => {
  it('measures what a refusing provider lets through since its 429s began, once they have come for 250 ms', () => {
    const window = new ThrottleWindow();
    let now = 1_000_000;
    // 200 calls a second, every other one refused: the provider lets 100 a second through.
    for (let call = 0; call < 40; call++) {
      window.granted(now);
      if (call % 2 === 1) window.throttled(now);
      else window.answered();
      now += 5;
    }
    expect(window.episodePassedRate(now)).toBeNull();
    for (let call = 0; call < 30; call++) {
      window.granted(now);
      if (call % 2 === 1) window.throttled(now);
      else window.answered();
      now += 5;
    }
    expect(window.episodePassedRate(now)).toBeGreaterThan(90);
    expect(window.episodePassedRate(now)).toBeLessThan(110);
    // A second without 429s ends the episode.
    now += 1500;
    expect(window.episodePassedRate(now)).toBeNull();
  });
});
