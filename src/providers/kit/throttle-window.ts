/**
 * Tells a provider's rate limit from a stray 429.
 *
 * The call that got a 429 always waits its own Retry-After in its retry (resilience.ts). The provider-wide
 * reaction (pause everyone, cut the rate) is only right when the provider is really over its limit, and then
 * most answers are 429s: once calls go beyond a provider's limit, every call past its bucket is refused. A
 * provider that answers a random few calls with 429 (overload elsewhere, a noisy neighbour, the sandbox's
 * fault mix of 10 %) must not be paused for each of them: with one pause per 429 it is nearly always paused.
 *
 * The rule: within the last `WINDOW_MS` (1 s, the unit limits are given in), at least `MIN_THROTTLES` (3) 429s
 * AND at least `MIN_SHARE` (30 %) of the calls granted in that window. Why these numbers:
 * - 3, not 1 or 2: one or two 429s say nothing about a rate; a lone 429 is handled by its own call's retry.
 * - 30 %: a random 10 % of 429s reaches 30 % of a one-second window only by chance at very low traffic (3 of
 *   ≤ 10 calls, ~7 % of such windows) and practically never with ≥ 20 calls in the window (< 1 %), while an
 *   overrun of 1.43× the limit or more already gives ≥ 30 % 429s (and retries of the refused calls raise it),
 *   so a real overrun still trips within a few answers. A milder overrun produces fewer 429s; each of those
 *   waits its own Retry-After, which slows the offered load anyway.
 * The share counts against max(granted, 429s): answers to calls granted more than a window ago (slow calls)
 * still count as 429s, and a window that holds nothing but 429s is a rate limit.
 *
 * A second, short look catches a real limit sooner (#11: the one-second share above counts the calls the
 * provider's burst let through, so it tripped only after some 50 429s, 5 % of a ten-second run): within the last
 * `BURST_WINDOW_MS` (100 ms), at least `BURST_MIN_THROTTLES` (6) 429s AND at least `BURST_MIN_SHARE` (70 %) of
 * the calls granted in it. Far beyond a limit nearly every call is refused, so this trips within a few 429s; a
 * random 10 % of 429s reaches 6 of ≤ 8 calls in 100 ms with probability about 1e-5 (and less with more calls).
 * Sooner still, when the caller reports answers (`answered`): `MIN_RUN` (6) 429s in a row, with no other answer
 * between them. Beyond a limit the provider lets one call through per token, so 429s come in runs (at six times
 * the limit, runs of five to twenty); random 429s of 10 % make a run of six once in about a million answers.
 */
export const WINDOW_MS = 1000;
export const MIN_THROTTLES = 3;
export const MIN_SHARE = 0.3;
export const BURST_WINDOW_MS = 100;
export const BURST_MIN_THROTTLES = 6;
export const BURST_MIN_SHARE = 0.7;
export const MIN_RUN = 6;
/** An episode of 429s this old tells the provider's limit well enough (see `episodePassedRate`). */
export const EPISODE_MIN_MS = 250;
/**
 * A budget without a configured limit would invent one from a trip, held for 30 s (token-bucket.ts): the
 * one-second share needs 10 429s there, not 3 (a random 10 % reaches 3 of 10 calls in 7 % of such windows, 10 of
 * ≤ 33 in under 0.3 %). Far beyond a limit the run and the short look trip first anyway.
 */
export const MIN_THROTTLES_LEARNING = 10;

export class ThrottleWindow {
  private readonly grants: number[] = [];
  private readonly throttles: number[] = [];
  /** The current episode of 429s (none for a window before it): when it began, calls granted and 429s since. */
  private episodeStart = Number.NEGATIVE_INFINITY;
  private lastThrottle = Number.NEGATIVE_INFINITY;
  private episodeGrants = 0;
  private episodeThrottles = 0;
  /** 429s since the last other answer; counted only once answers are reported at all. */
  private run = 0;
  private hearsAnswers = false;

  /** A call was let through (one attempt). */
  granted(now: number): void {
    this.episodeGrants++;
    this.grants.push(now);
    this.prune(now);
  }

  /** An answer other than 429 arrived: it ends a run of 429s. */
  answered(): void {
    this.run = 0;
    this.hearsAnswers = true;
  }

  /** A 429 arrived. True when, with it, 429s are a real share of the window's calls: the provider is rate limiting. */
  throttled(now: number, minThrottles = MIN_THROTTLES): boolean {
    if (now - this.lastThrottle > WINDOW_MS) {
      this.episodeStart = now;
      this.episodeGrants = 0;
      this.episodeThrottles = 0;
    }
    this.lastThrottle = now;
    this.episodeThrottles++;
    this.throttles.push(now);
    this.prune(now);
    this.run++;
    if (this.hearsAnswers && this.run >= MIN_RUN) return true;
    const count = this.throttles.length;
    if (count >= minThrottles && count >= MIN_SHARE * Math.max(this.grants.length, count)) return true;
    const recentThrottles = countSince(this.throttles, now - BURST_WINDOW_MS);
    return recentThrottles >= BURST_MIN_THROTTLES && recentThrottles >= BURST_MIN_SHARE * Math.max(countSince(this.grants, now - BURST_WINDOW_MS), recentThrottles);
  }

  /** 429s in the last window. */
  throttleCount(now: number): number {
    this.prune(now);
    return this.throttles.length;
  }

  /**
   * Calls let through per second since the current episode of 429s began, once it is `EPISODE_MIN_MS` old: while
   * a provider refuses, what it lets through is its limit alone (its burst is spent), so this is the best estimate.
   */
  episodePassedRate(now: number): number | null {
    const span = now - this.episodeStart;
    if (!(span >= EPISODE_MIN_MS) || now - this.lastThrottle > WINDOW_MS) return null;
    return (Math.max(0, this.episodeGrants - this.episodeThrottles) * 1000) / span;
  }

  /**
   * Calls granted in the last window that were not answered 429, per second: what the provider let through. Over a
   * limit this is the limit (plus what its burst let through at the start), whatever we offered.
   */
  passedRate(now: number): number {
    this.prune(now);
    // Over the whole second, even when calls began later in it: an estimate that errs low, not high (measured
    // over the few milliseconds since the first call, the provider's burst made it several times its limit).
    return (Math.max(0, this.grants.length - this.throttles.length) * 1000) / WINDOW_MS;
  }

  private prune(now: number): void {
    const oldest = now - WINDOW_MS;
    while (this.grants.length > 0 && (this.grants[0] as number) <= oldest) this.grants.shift();
    while (this.throttles.length > 0 && (this.throttles[0] as number) <= oldest) this.throttles.shift();
  }
}

/** Entries of a sorted list of instants later than `since`. */
function countSince(instants: readonly number[], since: number): number {
  let count = 0;
  for (let index = instants.length - 1; index >= 0 && (instants[index] as number) > since; index--) count++;
  return count;
}
