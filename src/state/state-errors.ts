/**
 * The shared state store (Redis) cannot be reached. Writes with an idempotency key are refused with it rather
 * than risking a duplicate; reads fall back to the providers where they can. The message never carries the
 * store's address or credentials.
 */
export class StateUnavailableError extends Error {
  readonly code = 'STATE_UNAVAILABLE';
  readonly retryable = true;

  constructor(message = 'the shared state store is unavailable; retry shortly', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StateUnavailableError';
  }
}
