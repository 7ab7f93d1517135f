import { ConflictError, NotFoundError, ProviderWriteError, StateUnavailableWriteError, UnsupportedOperationError, ValidationError, WriteError } from '../writes/write-errors';
import { builder } from './builder';
import { ProviderEnum } from './provider-enum';

/**
 * graphql-js treats an Error returned from a resolver as a thrown one, so errors listed as data (write outcomes)
 * travel as plain snapshots; both forms resolve to the same GraphQL type.
 */
export interface ErrorSnapshot {
  errorKind: string;
  message: string;
  code: string;
  [field: string]: unknown;
}

export function snapshotError(error: Error): ErrorSnapshot {
  return { ...(error as unknown as Record<string, unknown>), errorKind: error instanceof WriteError ? error.kind : 'Error', message: error.message, code: (error as WriteError).code ?? 'INTERNAL_SERVER_ERROR' };
}

function errorKind(value: unknown): string | null {
  if (value instanceof WriteError) return value.kind;
  if (value instanceof Error) return null;
  return typeof value === 'object' && value !== null && 'errorKind' in value ? String((value as ErrorSnapshot).errorKind) : null;
}

/** The interface every expected write failure implements; mutations return it inside their result unions. */
export const ErrorInterface = builder.interfaceRef<WriteError>('Error').implement({
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.exposeString('code', { description: 'Stable, machine-readable.' }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => errorKind(value) === 'NotFoundError',
  fields: (t) => ({ provider: t.field({ type: ProviderEnum, nullable: true, resolve: (error) => error.provider }) }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input cannot be written; nothing was written anywhere.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => errorKind(value) === 'ValidationError',
  fields: (t) => ({
    field: t.exposeString('field', { nullable: true, description: 'The input field at fault, e.g. "timezone" or "providerFields.tax_id".' }),
    provider: t.field({ type: ProviderEnum, nullable: true, resolve: (error) => error.provider }),
  }),
});

builder.objectType(UnsupportedOperationError, {
  name: 'UnsupportedOperationError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => errorKind(value) === 'UnsupportedOperationError',
  fields: (t) => ({
    provider: t.field({ type: ProviderEnum, resolve: (error) => error.provider }),
    operation: t.exposeString('operation'),
    alternative: t.exposeString('alternative', { nullable: true, description: 'What to do instead at this provider.' }),
  }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => errorKind(value) === 'ConflictError',
  fields: (t) => ({ provider: t.field({ type: ProviderEnum, nullable: true, resolve: (error) => error.provider }) }),
});

builder.objectType(ProviderWriteError, {
  name: 'ProviderError',
  description: 'The provider failed the write. When `outcomeUnknown`, it may have happened: retry only with `idempotencyKey`.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => errorKind(value) === 'ProviderWriteError',
  fields: (t) => ({
    provider: t.field({ type: ProviderEnum, resolve: (error) => error.provider }),
    status: t.exposeInt('status', { nullable: true }),
    retryable: t.exposeBoolean('retryable'),
    outcomeUnknown: t.exposeBoolean('outcomeUnknown'),
    idempotencyKey: t.exposeString('idempotencyKey', { nullable: true, description: 'The key to retry with.' }),
  }),
});

builder.objectType(StateUnavailableWriteError, {
  name: 'StateUnavailableError',
  description: 'The shared state store (Redis) is unreachable, so a write with an idempotencyKey was refused: nothing was written. Retry with the same key.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => errorKind(value) === 'StateUnavailableWriteError',
  fields: (t) => ({ retryable: t.exposeBoolean('retryable') }),
});

/** The error classes every mutation may return as a union member. */
export const writeErrorTypes = [NotFoundError, ValidationError, UnsupportedOperationError, ConflictError, ProviderWriteError, StateUnavailableWriteError];
