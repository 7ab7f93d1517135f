/**
 * Samples recorded before the sorted copy is made again. Every call asks for two percentiles (hedge delay, attempt
 * timeout) right after the previous call recorded its duration, so re-sorting on every record sorted the whole
 * window on every call (1.4 % of the gateway's CPU in a fan-out of 20 at 20 ms, #11); percentiles that lag by a
 * few samples of 256 change nothing for timeouts and hedging.
 */
const RESORT_EVERY = 16;

/** The latest successful call durations of one provider: what "normal" is, for attempt timeouts and hedging. */
export class LatencyWindow {
  private readonly samples: Float64Array;
  private count = 0;
  private next = 0;
  private sorted: Float64Array | null = null;
  /** Samples recorded since `sorted` was made. */
  private stale = 0;

  constructor(size = 256) {
    this.samples = new Float64Array(size);
  }

  record(ms: number): void {
    this.samples[this.next] = ms;
    this.next = (this.next + 1) % this.samples.length;
    this.count = Math.min(this.count + 1, this.samples.length);
    // While the window fills, every sample counts; once it holds enough, a few may wait for the next sort.
    if (++this.stale >= RESORT_EVERY || this.count < 4 * RESORT_EVERY) this.sorted = null;
  }

  get size(): number {
    return this.count;
  }

  /** The `fraction` percentile (0.95 for p95) of the samples held, or null with fewer than `minimum` samples. */
  percentile(fraction: number, minimum = 1): number | null {
    if (this.count < Math.max(1, minimum)) return null;
    if (this.sorted === null) {
      this.sorted = this.samples.slice(0, this.count).sort();
      this.stale = 0;
    }
    const size = this.sorted.length;
    const index = Math.min(size - 1, Math.ceil(fraction * size) - 1);
    return this.sorted[Math.max(0, index)] ?? null;
  }
}
