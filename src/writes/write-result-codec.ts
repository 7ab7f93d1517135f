import type { Codec } from './tagged-json';
import { parseTagged, stringifyTagged } from './tagged-json';
import type { WriteOutcome, WriteResult } from './outcomes';
import { ConflictError, NotFoundError, ProviderWriteError, StateUnavailableWriteError, UnsupportedOperationError, ValidationError } from './write-errors';

type ErrorFields = Record<string, unknown> & { errorKind: string; message: string };

function errorFields(error: unknown): ErrorFields {
  const source = error as Error;
  return { ...(source as unknown as Record<string, unknown>), errorKind: source.constructor?.name ?? 'Error', message: source.message };
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The same class the first answer carried, so a replay resolves to the same GraphQL error type. */
function restoreError(fields: ErrorFields): Error {
  const provider = text(fields.provider);
  switch (fields.errorKind) {
    case 'NotFoundError':
      return new NotFoundError(fields.message, provider);
    case 'ValidationError':
      return new ValidationError(fields.message, text(fields.field), provider);
    case 'UnsupportedOperationError':
      return new UnsupportedOperationError(fields.message, provider ?? '', text(fields.operation) ?? '', text(fields.alternative));
    case 'ConflictError':
      return new ConflictError(fields.message, provider);
    case 'StateUnavailableWriteError':
      return new StateUnavailableWriteError(fields.message);
    case 'ProviderWriteError':
      return new ProviderWriteError(
        fields.message,
        provider ?? '',
        typeof fields.status === 'number' ? fields.status : null,
        fields.retryable === true,
        fields.outcomeUnknown === true,
        text(fields.idempotencyKey),
        text(fields.code) ?? 'PROVIDER_UPSTREAM_ERROR',
      );
    default: {
      // An unexpected error stays unexpected (masked), as it was the first time.
      return Object.assign(new Error(fields.message), { name: text(fields.name) ?? 'Error' });
    }
  }
}

/** Write results through the state store: customers keep their dates, errors their classes. */
export const writeResultCodec: Codec<WriteResult> = {
  encode: (result) =>
    stringifyTagged({
      ...result,
      outcomes: result.outcomes.map((outcome) => ({ ...outcome, error: outcome.error === null ? null : errorFields(outcome.error) })),
    }),
  decode: (encoded) => {
    const stored = parseTagged(encoded) as WriteResult & { outcomes: (WriteOutcome & { error: ErrorFields | null })[] };
    return { ...stored, outcomes: stored.outcomes.map((outcome) => ({ ...outcome, error: outcome.error === null ? null : restoreError(outcome.error as unknown as ErrorFields) })) };
  },
  encodeError: (error) => stringifyTagged(errorFields(error)),
  decodeError: (encoded) => restoreError(parseTagged(encoded) as ErrorFields),
};
