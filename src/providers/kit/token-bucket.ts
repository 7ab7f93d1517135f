import { ProviderError } from '../spec/errors';
import { systemClock, type Clock } from './clock';
import type { RateBudget, RateBudgetWait, RateLimit } from './rate-budget';
import { MIN_THROTTLES, MIN_THROTTLES_LEARNING, ThrottleWindow } from './throttle-window';

/** How far a 429 cuts the rate, and how fast it grows back once the provider has been quiet for a second. */
const CUT_FACTOR = 0.75;
const RECOVERY_DELAY_MS = 1000;
/** Share of the configured rate regained per quiet second (of the rate at the cut, when unlimited). */
const RECOVERY_PER_SECOND = 0.1;
/** An unlimited budget that learned a rate from a 429 forgets it after this long without another. */
const FORGET_LEARNED_MS = 30_000;
/** Answers to calls sent before a cut arrive after it; they describe the old rate, not the new one. */
const CUT_COOLDOWN_MS = 1000;
/**
 * A learned rate that still meets a few 429s (at least 3, and 5 % of the last second's calls) is a little too
 * high: it is lowered by a tenth, at most twice per learned rate, so that random 429s (a provider's noise) cannot
 * ratchet it down.
 */
const LEARNED_TRIM_SHARE = 0.05;
const LEARNED_TRIM_FACTOR = 0.9;
const LEARNED_MAX_TRIMS = 2;
/** A limit measured over an episode of 429s (throttle-window.ts) is learned a tenth below it. */
const EPISODE_FACTOR = 0.9;

export interface TokenBucketOptions {
  /** Each provider's budget; a provider not named is unlimited. */
  limits: Record<string, RateLimit>;
  /** Longest a call may wait for budget when its request has no earlier deadline. @default 10000 (env `RATE_BUDGET_MAX_WAIT_MS`) */
  maxWaitMs: number;
  clock?: Clock;
}

/**
 * The in-memory rate budget of one gateway instance: a token bucket per provider, adaptive on a rate limit: when
 * 429s are a real share of the last second's calls (throttle-window.ts), not on every stray 429.
 */
export class TokenBucketBudget implements RateBudget {
  private readonly buckets = new Map<string, Bucket>();
  private readonly clock: Clock;
  private readonly limits: Record<string, RateLimit>;

  constructor(private readonly options: TokenBucketOptions) {
    this.clock = options.clock ?? systemClock;
    this.limits = { ...options.limits };
  }

  setLimit(provider: string, limit: RateLimit): void {
    this.limits[provider] = limit;
    this.buckets.get(provider)?.reconfigure(limit, this.clock.now());
  }

  acquire(provider: string, wait: RateBudgetWait): Promise<void> {
    return this.bucket(provider).acquire(wait);
  }

  tryAcquire(provider: string): boolean {
    return this.bucket(provider).tryTake(this.clock.now());
  }

  onThrottled(provider: string, retryAfterMs: number | null): void {
    this.bucket(provider).throttled(retryAfterMs);
  }

  onAnswered(provider: string): void {
    this.bucket(provider).answered();
  }

  /** The rate the provider's budget allows now (calls per second; Infinity when unlimited). */
  currentRate(provider: string): number {
    return this.bucket(provider).rateAt(this.clock.now());
  }

  private bucket(provider: string): Bucket {
    let bucket = this.buckets.get(provider);
    if (bucket === undefined) {
      bucket = new Bucket(provider, this.limits[provider] ?? { perSecond: null, burst: 1 }, this.options.maxWaitMs, this.clock);
      this.buckets.set(provider, bucket);
    }
    return bucket;
  }
}

interface Waiter {
  resolve(): void;
  reject(reason: unknown): void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

class Bucket {
  private limit: number;
  private burst: number;
  private tokens: number;
  private refilledAt: number;
  private pausedUntil = 0;
  private cutAt = Number.NEGATIVE_INFINITY;
  private rateAtCut = Number.POSITIVE_INFINITY;
  private readonly waiters: Waiter[] = [];
  private timer: unknown = null;
  /** Calls granted in the current and the previous second: what an unlimited budget learns its rate from. */
  private windowStart: number;
  private grantedThisWindow = 0;
  private grantedLastWindow = 0;
  /** Recent grants and 429s: whether a 429 is the provider's rate limit or a stray one. */
  private readonly recent = new ThrottleWindow();
  /** Trims of the current learned rate (unlimited budgets only). */
  private trims = 0;

  constructor(
    private readonly provider: string,
    configured: RateLimit,
    private readonly maxWaitMs: number,
    private readonly clock: Clock,
  ) {
    this.limit = configured.perSecond ?? Number.POSITIVE_INFINITY;
    this.burst = Math.max(1, configured.burst);
    this.tokens = this.burst;
    this.refilledAt = clock.now();
    this.windowStart = this.refilledAt;
  }

  /** A new configured limit: a full bucket at that rate, nothing learned or cut before it kept; waiters re-timed. */
  reconfigure(configured: RateLimit, now: number): void {
    this.limit = configured.perSecond ?? Number.POSITIVE_INFINITY;
    this.burst = Math.max(1, configured.burst);
    this.tokens = this.burst;
    this.refilledAt = now;
    this.cutAt = Number.NEGATIVE_INFINITY;
    this.rateAtCut = Number.POSITIVE_INFINITY;
    this.trims = 0;
    this.schedule();
  }

  /** One token now, when there is one and nobody waits before this call. */
  tryTake(now: number): boolean {
    this.refill(now);
    if (this.waiters.length > 0 || now < this.pausedUntil || this.tokens < 1) return false;
    this.grant(now);
    return true;
  }

  acquire(wait: RateBudgetWait): Promise<void> {
    if (wait.signal?.aborted) return Promise.reject(wait.signal.reason);
    const now = this.clock.now();
    if (this.tryTake(now)) return Promise.resolve();
    const readyAt = this.estimateReadyAt(now, this.waiters.length);
    const latest = Math.min(now + this.maxWaitMs, wait.deadline ?? Number.POSITIVE_INFINITY);
    if (readyAt > latest) return Promise.reject(this.exhausted(readyAt - now));
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal: wait.signal,
        onAbort: () => {
          const index = this.waiters.indexOf(waiter);
          if (index >= 0) this.waiters.splice(index, 1);
          reject(wait.signal?.reason);
          this.schedule();
        },
      };
      wait.signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.waiters.push(waiter);
      this.schedule();
    });
  }

  answered(): void {
    this.recent.answered();
  }

  throttled(retryAfterMs: number | null): void {
    const now = this.clock.now();
    // A stray 429 is its own call's business (it waits its Retry-After in its retry); the provider as a whole is
    // paused and slowed only when 429s are a real share of its recent answers.
    if (!this.recent.throttled(now, Number.isFinite(this.limit) ? MIN_THROTTLES : MIN_THROTTLES_LEARNING)) {
      this.trimLearned(now);
      return;
    }
    this.refill(now);
    // The provider says the budget is spent, whatever our count says; after its Retry-After, one call may go.
    if (now >= this.pausedUntil) this.tokens = 0;
    if (retryAfterMs !== null && retryAfterMs > 0) {
      this.pausedUntil = Math.max(this.pausedUntil, now + Math.min(retryAfterMs, this.maxWaitMs));
      this.tokens = 1;
    }
    if (now - this.cutAt >= CUT_COOLDOWN_MS) {
      const current = this.rateAt(now);
      let basis = Number.isFinite(current) ? current : this.observedRate(now);
      if (!Number.isFinite(this.limit)) {
        // Learning: what the provider let through in the last second, not what we offered (#11: cutting what we
        // offered took several seconds of 429s to come down to the limit). Over a limit that is the limit itself
        // (plus what its burst let through). It errs low when calls began less than a second ago (a provider
        // already at its limit when we start): then the rate is held low until forgotten, and learned again.
        const passed = this.recent.passedRate(now);
        if (passed > 0) basis = Math.min(basis, passed);
        this.trims = 0;
      }
      // Once 429s have come for a while, what the provider let through meanwhile is its limit: a tenth below it.
      const episode = Number.isFinite(this.limit) ? null : this.recent.episodePassedRate(now);
      this.rateAtCut = Math.max(1, episode !== null && episode > 0 ? Math.min(basis, episode) * EPISODE_FACTOR : basis * CUT_FACTOR);
      this.cutAt = now;
      if (!Number.isFinite(this.limit)) this.burst = Math.max(1, Math.round(this.rateAtCut / 10));
    }
    this.schedule();
  }

  /** A learned rate that still meets a few 429s comes down a little (see LEARNED_TRIM_SHARE). */
  private trimLearned(now: number): void {
    if (Number.isFinite(this.limit) || !Number.isFinite(this.rateAt(now)) || this.trims >= LEARNED_MAX_TRIMS || now - this.cutAt < CUT_COOLDOWN_MS) return;
    const throttles = this.recent.throttleCount(now);
    const granted = this.recent.passedRate(now) + throttles;
    if (throttles < MIN_THROTTLES || throttles < LEARNED_TRIM_SHARE * granted) return;
    this.trims++;
    this.rateAtCut = Math.max(1, this.rateAtCut * LEARNED_TRIM_FACTOR);
    this.cutAt = now;
  }

  /**
   * The configured rate, or less after a rate limit: cut, then regained step by step once the provider is quiet.
   * A learned rate (no configured one) is held, not regained: above it lies the provider's limit, and probing
   * upward meets it again (#11: regaining 10 %/s overshot by up to 43 % before 429s were again 30 % of calls). It
   * is forgotten after FORGET_LEARNED_MS without another rate limit, and learned again if the limit is still there.
   */
  rateAt(now: number): number {
    if (this.cutAt === Number.NEGATIVE_INFINITY) return this.limit;
    if (!Number.isFinite(this.limit)) return now - this.cutAt >= FORGET_LEARNED_MS ? this.limit : this.rateAtCut;
    const quietSeconds = (now - this.cutAt - RECOVERY_DELAY_MS) / 1000;
    if (quietSeconds <= 0) return this.rateAtCut;
    return Math.min(this.limit, this.rateAtCut + RECOVERY_PER_SECOND * this.limit * quietSeconds);
  }

  /** Nothing accrues during a pause: the provider said to wait, not to save up. */
  private refill(now: number): void {
    const rate = this.rateAt(now);
    if (!Number.isFinite(rate)) {
      this.tokens = Math.max(this.tokens, 1);
      this.refilledAt = now;
      return;
    }
    const from = Math.max(this.refilledAt, this.pausedUntil);
    if (now <= from) return;
    this.tokens = Math.min(this.burst, this.tokens + ((now - from) / 1000) * rate);
    this.refilledAt = now;
  }

  private grant(now: number): void {
    if (Number.isFinite(this.rateAt(now))) this.tokens -= 1;
    if (now - this.windowStart >= 1000) {
      this.grantedLastWindow = now - this.windowStart >= 2000 ? 0 : this.grantedThisWindow;
      this.grantedThisWindow = 0;
      this.windowStart = now;
    }
    this.grantedThisWindow++;
    this.recent.granted(now);
  }

  private observedRate(now: number): number {
    const seconds = 1 + Math.min(1, (now - this.windowStart) / 1000);
    return Math.max(1, (this.grantedLastWindow + this.grantedThisWindow) / seconds);
  }

  /** When the waiter at `position` in the queue would get its token, if nothing changes meanwhile. */
  private estimateReadyAt(now: number, position: number): number {
    const start = Math.max(now, this.pausedUntil);
    const rate = this.rateAt(start);
    if (!Number.isFinite(rate)) return start;
    const missing = position + 1 - this.tokens;
    return start + (Math.max(0, missing) / rate) * 1000;
  }

  private schedule(): void {
    if (this.timer !== null) {
      this.clock.clearTimeout(this.timer);
      this.timer = null;
    }
    const now = this.clock.now();
    this.refill(now);
    while (this.waiters.length > 0 && now >= this.pausedUntil && this.tokens >= 1) {
      const waiter = this.waiters.shift() as Waiter;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      this.grant(now);
      waiter.resolve();
    }
    if (this.waiters.length === 0) return;
    const delay = Math.max(1, this.estimateReadyAt(now, 0) - now);
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.schedule();
    }, delay);
  }

  private exhausted(waitMs: number): ProviderError {
    const rate = this.rateAt(this.clock.now());
    const described = Number.isFinite(rate) ? `${Math.round(rate * 10) / 10} calls/s` : 'paused after a 429';
    return new ProviderError({
      provider: this.provider,
      code: 'RATE_LIMITED',
      message: `${this.provider} rate budget (${described}) has no room for about ${Math.ceil(waitMs)} ms, longer than this request may wait`,
      retryable: false,
    });
  }
}
