export interface RequestLogEntry {
  provider: string;
  method: string;
  /** The full path below the sandbox root, e.g. `/orb/v1/customers`. */
  path: string;
  /** The query string without `?`. */
  query: string;
  /** 0 when no answer was sent (an injected hang that the client gave up on). */
  status: number;
  ms: number;
}

/**
 * Every provider call the sandbox served, oldest first. Tests and benchmarks count upstream calls from it.
 * Bounded so that a long benchmark cannot grow it without limit; the oldest entries go first.
 */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private dropped = 0;

  constructor(private readonly limit = 200_000) {}

  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) {
      const excess = this.entries.length - this.limit;
      this.entries.splice(0, excess);
      this.dropped += excess;
    }
  }

  list(): RequestLogEntry[] {
    return [...this.entries];
  }

  /** Entries dropped because the log was full since the last clear. */
  droppedCount(): number {
    return this.dropped;
  }

  clear(): void {
    this.entries = [];
    this.dropped = 0;
  }
}
