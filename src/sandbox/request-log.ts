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

  constructor(private readonly limit = 200_000) {}

  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  list(): RequestLogEntry[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
