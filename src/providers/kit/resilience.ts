import { BrokenCircuitError, CircuitState, ExponentialBackoff, type CircuitBreakerPolicy, type IBackoff, type IBackoffFactory } from 'cockatiel';
import { ProviderError } from '../spec/errors';
import { breakerStateName, createBreaker, isProviderFault, type BreakerOptions, type BreakerStateName } from './breaker';
import { deadlineOf, isDeadlineAbort } from './deadline';
import { AttemptControl } from './attempt-control';
import { attemptTimer } from './attempt-timer';
import { hedged } from './hedge';
import { LatencyWindow } from './latency-window';
import { dependantsOf, untilAborted } from './linked-abort';
import type { RetryPolicy } from './retry';

export interface ResilienceOptions {
  retry: RetryPolicy;
  breaker: BreakerOptions;
  /**
   * Longest one read attempt may wait before it is abandoned, and the most one read waits on a silent provider in
   * all its attempts together (see `ProviderResilience.worthRetrying`). @default 1000 (env `PROVIDER_READ_TIMEOUT_MS`,
   * `<PROVIDER>_READ_TIMEOUT_MS`)
   */
  readTimeoutMs: number;
  /** A second read attempt when the first is slower than the provider's recent p95. @default true (env `PROVIDER_HEDGING`) */
  hedging: boolean;
  /**
   * Share of what is left of the request's deadline, when a read call starts, within which its retries must
   * start (see `worthRetrying`). @default 0.5 (env `PROVIDER_RETRY_WINDOW`)
   */
  retryWindow: number;
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
   * Waits for what an attempt needs before it is sent (rate budget, a concurrency slot) and returns its release;
   * returns the release itself when nothing had to be waited for (most calls: no promise to settle). Run per
   * attempt, before the attempt's own timer starts, so a retry sleeping in its backoff holds nothing.
   */
  admit?: ((control: AttemptControl) => (() => void) | Promise<() => void>) | undefined;
  /**
   * Whether the provider has room for one more call now (no call waiting for a concurrency slot). A hedge is sent
   * only then: on a saturated provider it would queue behind real work, and nearly always lose.
   */
  spare?: (() => boolean) | undefined;
}

/** One try; its control aborts with `AttemptTimeout` when the attempt's own time is up. */
export type Attempt<T> = (control: AttemptControl) => Promise<T>;

export class AttemptTimeout extends Error {
  constructor(
    readonly ms: number,
    /** The attempt was cut by what was left of the request's deadline, not by its own timeout. */
    readonly byDeadline = false,
    /** The provider answered other calls while this one waited: it is alive, this call was slow or lost. */
    readonly providerAnswering = false,
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
/** Timer and scheduling overshoot tolerated when adding timed-out attempts up against the silence budget. */
const SILENCE_SLACK_MS = 50;
/**
 * Hedges are budgeted, as Envoy's and gRPC's hedging throttles do: each read earns a tenth of a hedge, and a hedge
 * spends a whole one (a few may go at once after a quiet spell). A provider that is slow now, or a gateway whose
 * own load makes every call run past the recent p95, would otherwise get a second copy of nearly every read,
 * which only adds to the load; a tenth covers the tail that hedging is for (the fault mix's 5 % hung calls).
 */
const HEDGE_SHARE = 0.1;
const HEDGE_BURST = 5;

/** One call's tries so far: attempts sent, and how long they waited on a provider that said nothing. */
interface Progress {
  /** Attempts sent (admitted and on their way), hedges included. */
  sent: number;
  /** How long the call's tries have waited on a provider that said nothing (see `worthRetrying`). */
  spentMs: number;
  /** The current try (a hedge's two attempts are one try): when its first attempt was sent, excluding admission. */
  sentAt: number | null;
  /** When an attempt of the current try was last abandoned by its own timeout. */
  timedOutAt: number | null;
}

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
  /** When the provider last answered anything at all (a 2xx, a 4xx, a 5xx): it is alive, if not well. */
  private heardAt = Number.NEGATIVE_INFINITY;
  /** Hedges this provider's reads have earned and not spent (see HEDGE_SHARE). */
  private hedgeBudget = HEDGE_BURST;

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
    const progress: Progress = { sent: 0, spentMs: 0, sentAt: null, timedOutAt: null };
    const run = this.tries(call, attempt, deadline, progress);
    if (call.signal === undefined) return run;
    // A cancelled call neither waits out a backoff sleep nor its attempt's own end.
    return untilAborted(run, call.signal, () => this.cancelled(call, progress.sent > 0));
  }

  /**
   * The call's tries, one after another, with a backoff sleep between them (see `Backoff`). The loop is written
   * out rather than built from cockatiel's `retry()` per call: which failures are retried depends on the call (its
   * deadline, its silence budget), so the policy was made anew for every call, and with the layers it adds around
   * each try it was the largest share of the kit's own CPU per call (#11). The circuit breaker stays cockatiel's.
   */
  private async tries<T>(call: ResilientCall, attempt: Attempt<T>, deadline: number, progress: Progress): Promise<T> {
    const retryUntil = call.read ? Date.now() + this.options.retryWindow * Math.max(0, deadline - Date.now()) : deadline;
    const retries = call.retryable ? this.options.retry.retries : 0;
    let backoff: Backoff | undefined;
    for (let retry = 0; ; retry++) {
      progress.sentAt = null;
      progress.timedOutAt = null;
      try {
        return await this.once(call, attempt, deadline, progress);
      } catch (error) {
        // The time this try (both attempts of a hedge) waited before its attempts were abandoned.
        if (progress.sentAt !== null && progress.timedOutAt !== null) progress.spentMs += progress.timedOutAt - progress.sentAt;
        if (retry >= retries || !this.worthRetrying(call, error, retryUntil, progress)) throw error;
        backoff ??= new Backoff(this.options.retry, retryUntil);
        await sleep(backoff.after(error));
        if (call.signal?.aborted) throw this.cancelled(call, progress.sent > 0);
      }
    }
  }

  private async once<T>(call: ResilientCall, attempt: Attempt<T>, deadline: number, progress: Progress): Promise<T> {
    // cockatiel queues callers behind a half-open probe; ours fail at once, so one probe is all the provider sees.
    if (this.breaker.state === CircuitState.HalfOpen) throw this.unavailable();
    try {
      return await this.breaker.execute(() => {
        const hedgeAfter = this.hedgeDelay(call);
        if (hedgeAfter === null) return this.timed(call, attempt, deadline, undefined, progress);
        return hedged(
          (control) => this.timed(call, attempt, deadline, control, progress),
          hedgeAfter,
          () => deadline - Date.now() > MIN_ATTEMPT_MS && (call.spare?.() ?? true) && this.spendHedge(),
        );
      });
    } catch (error) {
      if (error instanceof BrokenCircuitError) throw this.unavailable();
      throw error;
    }
  }

  /**
   * One attempt: admitted (rate budget, a concurrency slot), then sent with its own timeout. One control per attempt
   * (a hedge's own, through which it cancels the loser, or a new one), joined to the call's signal until the attempt
   * ends: the admission waits on it, then the attempt's own timer aborts it. (`AbortSignal.any` twice per attempt
   * cost a few per cent of the gateway's CPU, #11; an `AbortController` per attempt, about 3.5 %: see `AttemptControl`.)
   */
  private async timed<T>(call: ResilientCall, attempt: Attempt<T>, deadline: number, own: AttemptControl | undefined, progress: Progress): Promise<T> {
    const control = own ?? new AttemptControl();
    const leave = call.signal === undefined ? undefined : dependantsOf(call.signal).join(control);
    let release: (() => void) | undefined;
    let timer: { clear(): void } | undefined;
    try {
      if (call.admit !== undefined) {
        const admitted = call.admit(control);
        release = typeof admitted === 'function' ? admitted : await admitted;
      }
      const ownTimeout = this.attemptTimeout(call);
      const left = deadline - Date.now();
      if (left <= 0) throw this.deadlinePassed(call);
      const timeoutMs = Math.min(ownTimeout, left);
      const started = performance.now();
      if (Number.isFinite(timeoutMs)) {
        timer = attemptTimer(timeoutMs, () => {
          progress.timedOutAt = performance.now();
          control.abort(new AttemptTimeout(timeoutMs, left <= ownTimeout, this.heardAt >= started));
        });
      }
      progress.sentAt ??= started;
      progress.sent++;
      try {
        const value = await attempt(control);
        this.heardAt = performance.now();
        if (call.read) this.latency.record(this.heardAt - started);
        return value;
      } catch (error) {
        if (error instanceof ProviderError && error.status !== null) this.heardAt = performance.now();
        throw error;
      }
    } finally {
      timer?.clear();
      release?.();
      leave?.();
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
    this.hedgeBudget = Math.min(HEDGE_BURST, this.hedgeBudget + HEDGE_SHARE);
    const p95 = this.latency.percentile(0.95, MIN_SAMPLES);
    return p95 === null ? null : Math.max(10, p95);
  }

  private spendHedge(): boolean {
    if (this.hedgeBudget < 1) return false;
    this.hedgeBudget -= 1;
    return true;
  }

  /**
   * Which failures are sent again: retryable ones, while the retry (its whole Retry-After or backoff) can start
   * before `retryUntil`. For a write that is the request's deadline. For a read it is a share
   * (`retryWindow`, half by default) of what was left of the deadline when the call started: a read is often one
   * of several dependent calls (a lookup, then the record, then its state), and one call's retries must leave the
   * next one time; it also bounds how long one part can hold the others of a multi-provider answer (a third
   * `Retry-After: 1` in a row is not waited for: that part is answered as rate limited at ~2 s instead of whole at
   * ~3 s). The exponential backoff itself and Retry-After are unchanged.
   *
   * A read that timed out also has a **silence budget**: the time its attempts may wait on a provider that says
   * nothing is one read timeout ceiling (`readTimeoutMs`, 1000 ms by default), unless the provider has answered
   * something (to any call) since this attempt was sent. The ceiling is the longest a provider's slowest normal
   * answer may take; past it, a provider nobody has heard from is hung far more likely than slow, and waiting
   * once more would make every other part of the answer wait too. So:
   * - a provider that answers other calls meanwhile lost this one: it is retried (the fault mix's 5 % hangs);
   * - with a latency history, attempts time out after 4 × the recent p99 (≥ 250 ms), and a few fit the budget;
   * - without one (cold start), the one attempt waits the whole ceiling: a live provider's slow list still
   *   answers, and a hung provider's part fails after one ceiling (~1 s) instead of one ceiling per retry, while
   *   the other providers' parts answer. A hung provider's breaker then opens after a few such calls.
   */
  private worthRetrying(call: ResilientCall, error: unknown, retryUntil: number, progress: Progress): boolean {
    if (!(error instanceof ProviderError) || !error.retryable || error.code === 'ABORTED' || error.code === 'UNAVAILABLE') return false;
    if (call.signal?.aborted) return false;
    const heardSince = progress.sentAt !== null && this.heardAt >= progress.sentAt;
    if (call.read && progress.timedOutAt !== null && !heardSince && progress.spentMs + this.attemptTimeout(call) > this.options.readTimeoutMs + SILENCE_SLACK_MS) return false;
    // The whole Retry-After must fit: the rate budget holds the next attempt until then, however short our sleep.
    return Date.now() + (error.retryAfterMs ?? 0) + MIN_ATTEMPT_MS < retryUntil;
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
      byDeadline: true,
    });
  }

  private cancelled(call: ResilientCall, sent: boolean): ProviderError {
    // Whatever was sent before the cut may have been applied.
    const outcomeUnknown = !call.read && sent;
    if (isDeadlineAbort(call.signal)) {
      return new ProviderError({ provider: this.provider, code: 'TIMEOUT', message: this.deadlinePassed(call).message, retryable: true, outcomeUnknown, byDeadline: true });
    }
    const reason: unknown = call.signal?.reason;
    // The app's shutdown aborts with a reason worth saying; a plain cancel says nothing more.
    const why = reason instanceof Error && reason.name !== 'AbortError' ? ` (${reason.message})` : '';
    return new ProviderError({ provider: this.provider, code: 'ABORTED', message: `${this.provider} call ${call.description} was cancelled${why}`, outcomeUnknown, cause: reason });
  }
}

/**
 * The sleep before each retry: cockatiel's exponential backoff with decorrelated jitter, replaced by the provider's
 * Retry-After (capped at the policy's longest sleep), never past `until`.
 */
class Backoff {
  /** Where the next step of the exponential backoff comes from: the factory, then each step the one after it. */
  private steps: IBackoffFactory<unknown> | IBackoff<unknown>;

  constructor(
    private readonly policy: RetryPolicy,
    private readonly until: number,
  ) {
    this.steps = new ExponentialBackoff({ initialDelay: policy.baseDelayMs, maxDelay: policy.maxDelayMs });
  }

  /** How long to sleep after `error` before the next try. */
  after(error: unknown): number {
    let wanted: number;
    if (error instanceof ProviderError && error.retryAfterMs !== null) {
      // The provider's own instruction, not one more step of our backoff: a 503 after it backs off as after the
      // failures before it, not twice as long.
      wanted = Math.min(error.retryAfterMs, this.policy.maxDelayMs);
    } else {
      const step = this.steps.next(undefined);
      this.steps = step;
      wanted = step.duration;
    }
    return Math.max(0, Math.min(wanted, this.until - Date.now() - MIN_ATTEMPT_MS));
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
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
