/**
 * A tenth of a second's worth, at least one: enough to start a page of parallel reads at once, small enough that
 * a provider enforcing the same rate with a bucket of its own never sees us overrun it.
 */
export function defaultBurst(perSecond: number): number {
  return Math.max(1, Math.ceil(perSecond / 10));
}
