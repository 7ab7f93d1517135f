import { ProviderError } from '../providers/spec/errors';
import { StateUnavailableError } from '../state/state-errors';

/**
 * Expected failures of a write. Each is a GraphQL type implementing `Error { message, code }` and a member of
 * the mutation's result union; anything else stays a (masked) GraphQL error.
 */
export abstract class WriteError extends Error {
  abstract readonly code: string;
  /** The GraphQL type this error resolves to; explicit, because minification renames classes. */
  abstract readonly kind: WriteErrorKind;
}

export type WriteErrorKind = 'NotFoundError' | 'ValidationError' | 'UnsupportedOperationError' | 'ConflictError' | 'ProviderWriteError' | 'StateUnavailableWriteError';

export class NotFoundError extends WriteError {
  readonly kind = 'NotFoundError';
  readonly code = 'NOT_FOUND';
  constructor(
    message: string,
    readonly provider: string | null = null,
  ) {
    super(message);
    this.name = 'NotFoundError';
  }
}

export class ValidationError extends WriteError {
  readonly kind = 'ValidationError';
  readonly code = 'VALIDATION';
  constructor(
    message: string,
    readonly field: string | null,
    readonly provider: string | null = null,
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

export class UnsupportedOperationError extends WriteError {
  readonly kind = 'UnsupportedOperationError';
  readonly code = 'UNSUPPORTED_OPERATION';
  constructor(
    message: string,
    readonly provider: string,
    readonly operation: string,
    readonly alternative: string | null = null,
  ) {
    super(message);
    this.name = 'UnsupportedOperationError';
  }
}

export class ConflictError extends WriteError {
  readonly kind = 'ConflictError';
  readonly code = 'CONFLICT';
  constructor(
    message: string,
    readonly provider: string | null = null,
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** A provider failed the write; `outcomeUnknown` says it may have happened all the same. */
export class ProviderWriteError extends WriteError {
  readonly kind = 'ProviderWriteError';
  readonly code: string;
  constructor(
    message: string,
    readonly provider: string,
    readonly status: number | null,
    readonly retryable: boolean,
    readonly outcomeUnknown: boolean,
    readonly idempotencyKey: string | null,
    providerCode: string,
  ) {
    super(message);
    this.name = 'ProviderWriteError';
    this.code = providerCode;
  }
}

/**
 * The shared state store cannot be reached, so a write under an idempotency key is refused (nothing was
 * written) rather than risking a duplicate. Retrying with the same key is safe.
 */
export class StateUnavailableWriteError extends WriteError {
  readonly kind = 'StateUnavailableWriteError';
  readonly code = 'STATE_UNAVAILABLE';
  readonly retryable = true;
  constructor(message: string) {
    super(message);
    this.name = 'StateUnavailableWriteError';
  }
}

/** The typed write error for whatever a provider call threw. */
export function toWriteError(error: unknown, options: { idempotencyKey: string | null; providerHonoursKey: boolean }): Error {
  if (error instanceof WriteError) return error;
  if (error instanceof StateUnavailableError) return new StateUnavailableWriteError(error.message);
  if (!(error instanceof ProviderError)) return error as Error;
  switch (error.code) {
    case 'NOT_FOUND':
      return new NotFoundError(`${error.provider}: ${error.message}`, error.provider);
    case 'VALIDATION':
      return new ValidationError(`${error.provider}: ${error.message}`, error.field, error.provider);
    case 'CONFLICT':
      return new ConflictError(`${error.provider}: ${error.message}`, error.provider);
    default: {
      let message = `${error.provider}: ${error.message}`;
      if (error.outcomeUnknown) {
        message += options.providerHonoursKey
          ? `. The outcome is unknown; retry with the same idempotencyKey${options.idempotencyKey === null ? ' (none was given: check before retrying)' : ` "${options.idempotencyKey}"`} and the provider will not write twice.`
          : `. The outcome is unknown and ${error.provider} does not honour idempotency keys: check whether the write happened before retrying${options.idempotencyKey === null ? '' : ` (idempotencyKey "${options.idempotencyKey}")`}.`;
      }
      return new ProviderWriteError(message, error.provider, error.status, error.retryable, error.outcomeUnknown, options.idempotencyKey, `PROVIDER_${error.code}`);
    }
  }
}
