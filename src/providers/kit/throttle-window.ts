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
 */
export const WINDOW_MS = 1000;
export const MIN_THROTTLES = 3;
export const MIN_SHARE = 0.3;

export class ThrottleWindow {
  private readonly grants: number[] = [];
  private readonly throttles: number[] = [];

  /** A call was let through (one attempt). */
  granted(now: number): void {
    this.grants.push(now);
    this.prune(now);
  }

  /** A 429 arrived. True when, with it, 429s are a real share of the window's calls: the provider is rate limiting. */
  throttled(now: number): boolean {
    this.throttles.push(now);
    this.prune(now);
    const count = this.throttles.length;
    return count >= MIN_THROTTLES && count >= MIN_SHARE * Math.max(this.grants.length, count);
  }

  private prune(now: number): void {
    const oldest = now - WINDOW_MS;
    while (this.grants.length > 0 && (this.grants[0] as number) <= oldest) this.grants.shift();
    while (this.throttles.length > 0 && (this.throttles[0] as number) <= oldest) this.throttles.shift();
  }
}
