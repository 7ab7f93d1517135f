/**
 * Every failure talking to a provider becomes one of these: a stable `code`, the provider, the HTTP status,
 * the provider's own error code and whether retrying could help. The graph turns them into GraphQL errors
 * (reads) or error-union members (writes).
 */

export type ProviderErrorCode =
  | 'NOT_FOUND'
  | 'VALIDATION'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'UPSTREAM_ERROR'
  | 'TIMEOUT'
  | 'NETWORK_ERROR'
  | 'MALFORMED_RESPONSE'
  | 'UNSUPPORTED'
  | 'ABORTED'
  /** The provider's circuit breaker is open: nothing was sent. */
  | 'UNAVAILABLE';

export interface ProviderErrorOptions {
  provider: string;
  code: ProviderErrorCode;
  message: string;
  status?: number | null;
  providerCode?: string | null;
  retryable?: boolean;
  retryAfterMs?: number | null;
  /** The input field a validation error is about, in the gateway's vocabulary when known. */
  field?: string | null;
  /** A write that may or may not have happened upstream (it timed out or its answer was lost). */
  outcomeUnknown?: boolean;
  /**
   * The request's own deadline ended the call (it waited its turn, or started with little time left), not the
   * provider's silence: says nothing of the provider's health, so its circuit breaker does not count it.
   */
  byDeadline?: boolean;
  /**
   * The call timed out while the provider went on answering other calls: it is alive, and slow for this one (a
   * queue at its end, or our own load). Retries and hedges are for that; the circuit breaker does not count it.
   */
  providerAnswering?: boolean;
  cause?: unknown;
}

export class ProviderError extends Error {
  readonly provider: string;
  readonly code: ProviderErrorCode;
  readonly status: number | null;
  readonly providerCode: string | null;
  readonly retryable: boolean;
  readonly retryAfterMs: number | null;
  readonly field: string | null;
  readonly outcomeUnknown: boolean;
  readonly byDeadline: boolean;
  readonly providerAnswering: boolean;

  constructor(options: ProviderErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ProviderError';
    this.provider = options.provider;
    this.code = options.code;
    this.status = options.status ?? null;
    this.providerCode = options.providerCode ?? null;
    this.retryable = options.retryable ?? false;
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.field = options.field ?? null;
    this.outcomeUnknown = options.outcomeUnknown ?? false;
    this.byDeadline = options.byDeadline ?? false;
    this.providerAnswering = options.providerAnswering ?? false;
  }
}

/** The gateway code for an HTTP status, before any provider-specific refinement. */
export function codeForStatus(status: number): ProviderErrorCode {
  if (status === 400 || status === 422) return 'VALIDATION';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 429) return 'RATE_LIMITED';
  return 'UPSTREAM_ERROR';
}

/** 408, 429 and 5xx may succeed later; everything else will fail the same way again. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Parses a `Retry-After` header (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | null {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text.trim() === '') return null;
  const seconds = Number(text);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Adapters call this with the provider's parsed error body to build the typed error. */
export interface ErrorDetails {
  message: string;
  providerCode?: string | null;
  field?: string | null;
  /** Overrides the status-derived code, e.g. a 400 that the provider marks as a duplicate. */
  code?: ProviderErrorCode;
  retryAfterMs?: number | null;
}

export type ErrorBodyParser = (status: number, body: unknown) => ErrorDetails;
