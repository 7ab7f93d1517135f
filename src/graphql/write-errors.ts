import { ConflictError, NotFoundError, ProviderWriteError, UnsupportedOperationError, ValidationError, WriteError } from '../writes/write-errors';
import { builder } from './builder';
import { ProviderEnum } from './provider-enum';

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
  isTypeOf: (value) => value instanceof NotFoundError,
  fields: (t) => ({ provider: t.field({ type: ProviderEnum, nullable: true, resolve: (error) => error.provider }) }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input cannot be written; nothing was written anywhere.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ValidationError,
  fields: (t) => ({
    field: t.exposeString('field', { nullable: true, description: 'The input field at fault, e.g. "timezone" or "providerFields.tax_id".' }),
    provider: t.field({ type: ProviderEnum, nullable: true, resolve: (error) => error.provider }),
  }),
});

builder.objectType(UnsupportedOperationError, {
  name: 'UnsupportedOperationError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof UnsupportedOperationError,
  fields: (t) => ({
    provider: t.field({ type: ProviderEnum, resolve: (error) => error.provider }),
    operation: t.exposeString('operation'),
    alternative: t.exposeString('alternative', { nullable: true, description: 'What to do instead at this provider.' }),
  }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ConflictError,
  fields: (t) => ({ provider: t.field({ type: ProviderEnum, nullable: true, resolve: (error) => error.provider }) }),
});

builder.objectType(ProviderWriteError, {
  name: 'ProviderError',
  description: 'The provider failed the write. When `outcomeUnknown`, it may have happened: retry only with `idempotencyKey`.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ProviderWriteError,
  fields: (t) => ({
    provider: t.field({ type: ProviderEnum, resolve: (error) => error.provider }),
    status: t.exposeInt('status', { nullable: true }),
    retryable: t.exposeBoolean('retryable'),
    outcomeUnknown: t.exposeBoolean('outcomeUnknown'),
    idempotencyKey: t.exposeString('idempotencyKey', { nullable: true, description: 'The key to retry with.' }),
  }),
});

/** The error classes every mutation may return as a union member. */
export const writeErrorTypes = [NotFoundError, ValidationError, UnsupportedOperationError, ConflictError, ProviderWriteError];
