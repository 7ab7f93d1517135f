/** The latest successful call durations of one provider: what "normal" is, for attempt timeouts and hedging. */
export class LatencyWindow {
  private readonly samples: Float64Array;
  private count = 0;
  private next = 0;
  private sorted: Float64Array | null = null;

  constructor(size = 256) {
    this.samples = new Float64Array(size);
  }

  record(ms: number): void {
    this.samples[this.next] = ms;
    this.next = (this.next + 1) % this.samples.length;
    this.count = Math.min(this.count + 1, this.samples.length);
    this.sorted = null;
  }

  get size(): number {
    return this.count;
  }

  /** The `fraction` percentile (0.95 for p95) of the samples held, or null with fewer than `minimum` samples. */
  percentile(fraction: number, minimum = 1): number | null {
    if (this.count < Math.max(1, minimum)) return null;
    this.sorted ??= this.samples.slice(0, this.count).sort();
    const index = Math.min(this.count - 1, Math.ceil(fraction * this.count) - 1);
    return this.sorted[Math.max(0, index)] ?? null;
  }
}
