import type { Logger } from '../../logger';
import type { BudgetStore } from '../../state/state-port';
import { ProviderError } from '../spec/errors';
import { systemClock, type Clock } from './clock';
import type { RateBudget, RateBudgetWait, RateLimit } from './rate-budget';
import { ThrottleWindow } from './throttle-window';

/** How far a 429 cuts this instance's share of the rate, and how much of it returns per quiet second. */
const CUT_FACTOR = 0.75;
const RECOVERY_PER_SECOND = 0.1;
const SMALLEST_FACTOR = 0.1;

export interface SharedRateBudgetOptions {
  /** The state port's budgets: with Redis, one bucket per provider for every instance. */
  store: BudgetStore;
  limits: Record<string, RateLimit>;
  /** Longest a call may wait for budget when its request has no earlier deadline. (env `RATE_BUDGET_MAX_WAIT_MS`) */
  maxWaitMs: number;
  /**
   * Used for unlimited providers (nothing to share) and whenever the store cannot be reached: this instance's
   * own buckets, so reads go on through a state outage at the configured rate.
   */
  local: RateBudget;
  logger: Logger;
  clock?: Clock;
}

/**
 * The rate budget of several instances: one token bucket per provider in the state store, taken per attempt, so
 * N instances together stay under the provider's limit. A rate limit (429s a real share of this instance's
 * calls in the last second, throttle-window.ts; not a stray 429, which only its own call's retry waits out)
 * pauses the bucket for every instance (its Retry-After, or a second) and cuts this instance's rate until the
 * provider has been quiet again.
 */
export class SharedRateBudget implements RateBudget {
  private readonly clock: Clock;
  private readonly factors = new Map<string, { factor: number; cutAt: number }>();
  private storeDown = false;
  /** This instance's grants from the shared bucket and its 429s, per provider. */
  private readonly windows = new Map<string, ThrottleWindow>();

  private readonly limits: Record<string, RateLimit>;

  constructor(private readonly options: SharedRateBudgetOptions) {
    this.clock = options.clock ?? systemClock;
    this.limits = { ...options.limits };
  }

  setLimit(provider: string, limit: RateLimit): void {
    this.limits[provider] = limit;
    this.factors.delete(provider);
    this.options.local.setLimit?.(provider, limit);
  }

  /** At once only for an unlimited provider (this instance's own bucket); a limited one asks the store, in `acquire`. */
  tryAcquire(provider: string): boolean {
    const limit = this.limits[provider];
    return (limit === undefined || limit.perSecond === null) && (this.options.local.tryAcquire?.(provider) ?? false);
  }

  async acquire(provider: string, wait: RateBudgetWait): Promise<void> {
    const limit = this.limits[provider];
    if (limit === undefined || limit.perSecond === null) return this.options.local.acquire(provider, wait);
    const latest = Math.min(this.clock.now() + this.options.maxWaitMs, wait.deadline ?? Number.POSITIVE_INFINITY);
    for (;;) {
      if (wait.signal?.aborted) throw wait.signal.reason;
      let answer: { granted: boolean; retryInMs: number };
      try {
        answer = await this.options.store.take(`rate:${provider}`, { capacity: Math.max(1, limit.burst), refillPerSecond: limit.perSecond * this.factor(provider) }, 1);
        this.recovered();
      } catch {
        this.lost();
        return this.options.local.acquire(provider, wait);
      }
      if (answer.granted) {
        this.window(provider).granted(this.clock.now());
        return;
      }
      const readyAt = this.clock.now() + answer.retryInMs;
      if (readyAt > latest) {
        throw new ProviderError({
          provider,
          code: 'RATE_LIMITED',
          message: `${provider} rate budget (shared by every instance, ${limit.perSecond} calls/s) has no room for about ${answer.retryInMs} ms, longer than this request may wait`,
          retryable: false,
        });
      }
      // Instances draw from one bucket, so the wait is a guess: sleep until the bucket says, then ask again.
      await this.sleep(answer.retryInMs, wait.signal);
    }
  }

  onAnswered(provider: string): void {
    this.windows.get(provider)?.answered();
    this.options.local.onAnswered?.(provider);
  }

  async onThrottled(provider: string, retryAfterMs: number | null): Promise<void> {
    const limit = this.limits[provider];
    // Calls the local budget granted (unlimited providers, store unreachable): it judges their 429s itself.
    if (limit === undefined || limit.perSecond === null || this.storeDown) return this.options.local.onThrottled(provider, retryAfterMs);
    const now = this.clock.now();
    if (!this.window(provider).throttled(now)) return;
    const current = this.factor(provider);
    this.factors.set(provider, { factor: Math.max(SMALLEST_FACTOR, current * CUT_FACTOR), cutAt: now });
    await this.options.local.onThrottled(provider, retryAfterMs);
    try {
      await this.options.store.pause(`rate:${provider}`, retryAfterMs ?? 1000);
    } catch {
      this.lost();
    }
  }

  private window(provider: string): ThrottleWindow {
    let window = this.windows.get(provider);
    if (window === undefined) {
      window = new ThrottleWindow();
      this.windows.set(provider, window);
    }
    return window;
  }

  private factor(provider: string): number {
    const entry = this.factors.get(provider);
    if (entry === undefined) return 1;
    const quietSeconds = Math.max(0, (this.clock.now() - entry.cutAt) / 1000 - 1);
    const factor = Math.min(1, entry.factor + quietSeconds * RECOVERY_PER_SECOND);
    if (factor >= 1) this.factors.delete(provider);
    return factor;
  }

  private sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.clock.clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = this.clock.setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, Math.max(1, ms));
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private lost(): void {
    if (this.storeDown) return;
    this.storeDown = true;
    this.options.logger.warn('rate budgets: the shared state store is unreachable; each instance paces its own calls until it is back');
  }

  private recovered(): void {
    if (!this.storeDown) return;
    this.storeDown = false;
    this.options.logger.info('rate budgets: shared again through the state store');
  }
}
