import { BrokenCircuitError, CircuitState, ExponentialBackoff, handleWhen, retry, type CircuitBreakerPolicy, type IBackoff, type IBackoffFactory, type IRetryBackoffContext } from 'cockatiel';
import { ProviderError } from '../spec/errors';
import { breakerStateName, createBreaker, isProviderFault, type BreakerOptions, type BreakerStateName } from './breaker';
import { deadlineOf, isDeadlineAbort } from './deadline';
import { hedged } from './hedge';
import { LatencyWindow } from './latency-window';
import { linkedController } from './linked-abort';
import type { RetryPolicy } from './retry';

export interface ResilienceOptions {
  retry: RetryPolicy;
  breaker: BreakerOptions;
  /** Longest one read attempt may wait before it is abandoned and retried. @default 1000 (env `PROVIDER_READ_TIMEOUT_MS`, `<PROVIDER>_READ_TIMEOUT_MS`) */
  readTimeoutMs: number;
  /** A second read attempt when the first is slower than the provider's recent p95. @default true (env `PROVIDER_HEDGING`) */
  hedging: boolean;
}

/** One upstream call as the policy sees it. */
export interface ResilientCall {
  /** For messages, e.g. "GET /customers". */
  description: string;
  read: boolean;
  /** Whether a failed attempt may be sent again: reads, and writes whose key the provider honours. */
  retryable: boolean;
  signal?: AbortSignal | undefined;
  /** Epoch milliseconds; when absent, the one the signal carries (see `deadline.ts`). */
  deadline?: number | undefined;
  /**
   * Waits for what an attempt needs before it is sent (rate budget, a concurrency slot) and returns its release.
   * Run per attempt, before the attempt's own timer starts, so a retry sleeping in its backoff holds nothing.
   */
  admit?: ((signal: AbortSignal) => Promise<() => void>) | undefined;
}

/** One try; the signal aborts with `AttemptTimeout` when the attempt's own time is up. */
export type Attempt<T> = (signal: AbortSignal) => Promise<T>;

export class AttemptTimeout extends Error {
  constructor(
    readonly ms: number,
    /** The attempt was cut by what was left of the request's deadline, not by its own timeout. */
    readonly byDeadline = false,
  ) {
    super(byDeadline ? "no answer within the request's deadline" : `no answer within ${Math.round(ms)} ms`);
    this.name = 'AttemptTimeout';
  }
}

export interface ProviderHealthReport {
  state: BreakerStateName;
  /** When the breaker last changed state (or the gateway started). */
  since: Date;
  /** Median of recent successful reads, null before the first. */
  latencyMs: number | null;
  /** The last failure that counted against the provider, while the breaker is not closed. */
  lastFailure: string | null;
}

/** Read attempts are never cut shorter than this, however fast the provider usually is. */
const MIN_READ_TIMEOUT_MS = 250;
/** A retry is only worth sending with at least this much of the deadline left. */
const MIN_ATTEMPT_MS = 50;
/** Samples needed before normal latency drives timeouts and hedging. */
const MIN_SAMPLES = 20;

/**
 * The fault policy of one provider, in one place: a request deadline that bounds everything, short read
 * attempts, an optional hedge, retries with exponential backoff and jitter that honour Retry-After (cockatiel's
 * retry), and a circuit breaker (cockatiel's) that fails calls in microseconds while the provider is down.
 */
export class ProviderResilience {
  readonly breaker: CircuitBreakerPolicy;
  readonly latency = new LatencyWindow();
  private changedAt = new Date();
  private lastFailure: string | null = null;

  constructor(
    readonly provider: string,
    private readonly options: ResilienceOptions,
  ) {
    this.breaker = createBreaker(options.breaker);
    this.breaker.onStateChange(() => (this.changedAt = new Date()));
    this.breaker.onFailure(({ reason }) => {
      if ('error' in reason && isProviderFault(reason.error)) this.lastFailure = reason.error.message;
    });
  }

  health(): ProviderHealthReport {
    const state = breakerStateName(this.breaker.state);
    const median = this.latency.percentile(0.5);
    return { state, since: this.changedAt, latencyMs: median === null ? null : Math.round(median * 10) / 10, lastFailure: state === 'CLOSED' ? null : this.lastFailure };
  }

  async execute<T>(call: ResilientCall, attempt: Attempt<T>): Promise<T> {
    if (call.signal?.aborted) throw this.cancelled(call, false);
    const deadline = call.deadline ?? deadlineOf(call.signal) ?? Number.POSITIVE_INFINITY;
    let sent = 0;
    const counted: Attempt<T> = (signal) => {
      sent++;
      return attempt(signal);
    };
    const policy = retry(
      handleWhen((error) => this.worthRetrying(call, error, deadline)),
      { maxAttempts: call.retryable ? this.options.retry.retries : 0, backoff: new FittingBackoff(this.options.retry, deadline) },
    );
    const run = policy.execute(() => this.once(call, counted, deadline));
    if (call.signal === undefined) return run;
    // cockatiel's backoff sleep does not listen to the signal: a cancelled call must not wait it out.
    return untilAborted(run, call.signal, () => this.cancelled(call, sent > 0));
  }

  private async once<T>(call: ResilientCall, attempt: Attempt<T>, deadline: number): Promise<T> {
    // cockatiel queues callers behind a half-open probe; ours fail at once, so one probe is all the provider sees.
    if (this.breaker.state === CircuitState.HalfOpen) throw this.unavailable();
    try {
      return await this.breaker.execute(() => {
        const hedgeAfter = this.hedgeDelay(call);
        const timed = (signal?: AbortSignal) => this.timed(call, attempt, deadline, signal);
        return hedgeAfter === null ? timed() : hedged(timed, hedgeAfter, () => deadline - Date.now() > MIN_ATTEMPT_MS);
      });
    } catch (error) {
      if (error instanceof BrokenCircuitError) throw this.unavailable();
      throw error;
    }
  }

  /**
   * One controller per attempt, linked to the hedge's signal and the call's (unlinked when the attempt ends): the
   * admission waits on it, then the attempt's own timer aborts it. (`AbortSignal.any` twice per attempt cost a few
   * per cent of the gateway's CPU, #11.)
   */
  private async timed<T>(call: ResilientCall, attempt: Attempt<T>, deadline: number, outer: AbortSignal | undefined): Promise<T> {
    const { controller, unlink } = linkedController([outer], call.signal);
    try {
      const release = call.admit === undefined ? () => undefined : await call.admit(controller.signal);
      try {
        return await this.exchange(call, attempt, deadline, controller);
      } finally {
        release();
      }
    } finally {
      unlink();
    }
  }

  private async exchange<T>(call: ResilientCall, attempt: Attempt<T>, deadline: number, controller: AbortController): Promise<T> {
    const own = this.attemptTimeout(call);
    const left = deadline - Date.now();
    if (left <= 0) throw this.deadlinePassed(call);
    const timeoutMs = Math.min(own, left);
    const timer = Number.isFinite(timeoutMs) ? setTimeout(() => controller.abort(new AttemptTimeout(timeoutMs, left <= own)), timeoutMs) : undefined;
    const started = performance.now();
    try {
      const value = await attempt(controller.signal);
      if (call.read) this.latency.record(performance.now() - started);
      return value;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Short for reads: four times the provider's recent p99, within [250 ms, the configured ceiling]. */
  private attemptTimeout(call: ResilientCall): number {
    if (!call.read) return Number.POSITIVE_INFINITY;
    const p99 = this.latency.percentile(0.99, MIN_SAMPLES);
    return p99 === null ? this.options.readTimeoutMs : Math.min(this.options.readTimeoutMs, Math.max(MIN_READ_TIMEOUT_MS, 4 * p99));
  }

  /** A read is hedged after the provider's recent p95, only while the breaker is closed (a probe stays one call). */
  private hedgeDelay(call: ResilientCall): number | null {
    if (!call.read || !this.options.hedging || this.breaker.state !== CircuitState.Closed) return null;
    const p95 = this.latency.percentile(0.95, MIN_SAMPLES);
    return p95 === null ? null : Math.max(10, p95);
  }

  private worthRetrying(call: ResilientCall, error: unknown, deadline: number): boolean {
    if (!(error instanceof ProviderError) || !error.retryable || error.code === 'ABORTED' || error.code === 'UNAVAILABLE') return false;
    if (call.signal?.aborted) return false;
    // The whole Retry-After must fit: the rate budget holds the next attempt until then, however short our sleep.
    return Date.now() + (error.retryAfterMs ?? 0) + MIN_ATTEMPT_MS < deadline;
  }

  private unavailable(): ProviderError {
    const opensFor = Math.round(this.options.breaker.halfOpenAfterMs / 1000);
    return new ProviderError({
      provider: this.provider,
      code: 'UNAVAILABLE',
      message: `${this.provider} is unavailable: its circuit breaker opened after repeated failures (${this.lastFailure ?? 'no detail'}); a probe call is let through every ${opensFor} s`,
      retryable: true,
    });
  }

  private deadlinePassed(call: ResilientCall): ProviderError {
    return new ProviderError({
      provider: this.provider,
      code: 'TIMEOUT',
      message: `${this.provider} did not answer ${call.description} within the request's deadline`,
      retryable: true,
    });
  }

  private cancelled(call: ResilientCall, sent: boolean): ProviderError {
    // Whatever was sent before the cut may have been applied.
    const outcomeUnknown = !call.read && sent;
    if (isDeadlineAbort(call.signal)) {
      return new ProviderError({ provider: this.provider, code: 'TIMEOUT', message: this.deadlinePassed(call).message, retryable: true, outcomeUnknown });
    }
    const reason: unknown = call.signal?.reason;
    // The app's shutdown aborts with a reason worth saying; a plain cancel says nothing more.
    const why = reason instanceof Error && reason.name !== 'AbortError' ? ` (${reason.message})` : '';
    return new ProviderError({ provider: this.provider, code: 'ABORTED', message: `${this.provider} call ${call.description} was cancelled${why}`, outcomeUnknown, cause: reason });
  }
}

/** Exponential backoff with decorrelated jitter, replaced by the provider's Retry-After (capped), never past the deadline. */
class FittingBackoff implements IBackoffFactory<IRetryBackoffContext<unknown>> {
  constructor(
    private readonly policy: RetryPolicy,
    private readonly deadline: number,
    private readonly exponential: IBackoffFactory<unknown> = new ExponentialBackoff({ initialDelay: policy.baseDelayMs, maxDelay: policy.maxDelayMs }),
  ) {}

  next(context: IRetryBackoffContext<unknown>): IBackoff<IRetryBackoffContext<unknown>> {
    const step = this.exponential.next(context);
    const error = 'error' in context.result ? context.result.error : undefined;
    const wanted = error instanceof ProviderError && error.retryAfterMs !== null ? Math.min(error.retryAfterMs, this.policy.maxDelayMs) : step.duration;
    const duration = Math.max(0, Math.min(wanted, this.deadline - Date.now() - MIN_ATTEMPT_MS));
    const following = new FittingBackoff(this.policy, this.deadline, step);
    return { duration, next: (next) => following.next(next) };
  }
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal, reason: () => Error): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(reason());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(reason());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** One policy per provider, shared by every request of the app. */
export class ResilienceRegistry {
  private readonly policies = new Map<string, ProviderResilience>();

  constructor(private readonly options: (provider: string) => ResilienceOptions) {}

  for(provider: string): ProviderResilience {
    let policy = this.policies.get(provider);
    if (policy === undefined) {
      policy = new ProviderResilience(provider, this.options(provider));
      this.policies.set(provider, policy);
    }
    return policy;
  }
}
