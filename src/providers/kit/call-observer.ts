/**
 * The one hook on the upstream call path. Every attempt of every provider call is reported here, so logs,
 * metrics and spans come from a single place and adapters never log. Labels are route templates, never
 * the concrete path: ids, emails and keys stay out of telemetry.
 */
export interface UpstreamAttempt {
  provider: string;
  method: string;
  /** The provider's route template, e.g. `/customers/{id}`; `unlisted` when the path matches none. */
  route: string;
  /** 0 for the first try, 1 for the first retry, … */
  attempt: number;
  /** Time this attempt waited for the provider's rate budget and a concurrency slot before it was sent. */
  waitedMs: number;
  /** The request this call serves, when it serves one. */
  requestId?: string;
}

export interface UpstreamAttemptEnd {
  /** The HTTP status, or null when no response arrived (timeout, network error, cancelled). */
  status: number | null;
  /** The gateway's error code (`TIMEOUT`, `UPSTREAM_ERROR`, …), or null on success. */
  errorCode: string | null;
  /** True when the call path will try again after this attempt. */
  willRetry: boolean;
  durationMs: number;
}

export interface UpstreamObserver {
  /**
   * Called as an attempt is sent (inside the caller's async context), so attempts that never left (a wait cut
   * short) are not counted as calls; the returned function ends it.
   */
  start(attempt: UpstreamAttempt): (end: UpstreamAttemptEnd) => void;
}
