import { changeProblem } from '../providers/kit/limits';
import type { CustomerChanges, CustomerOperation, CustomerProvider, CustomerWrites } from '../providers/spec/provider';
import { UnsupportedOperationError, ValidationError } from './write-errors';

/** The operation must exist at the provider; if not, the error names the provider's alternative. */
export function requireOperation<O extends CustomerOperation>(provider: CustomerProvider, operation: O): NonNullable<CustomerWrites[O]> {
  const method = provider.writes?.[operation];
  if (method !== undefined) return method;
  const alternative = provider.limits.alternatives[operation] ?? null;
  throw new UnsupportedOperationError(
    `${provider.displayName} cannot ${describe(operation)}${alternative === null ? '.' : `; instead: ${alternative}.`}`,
    provider.name,
    operation,
    alternative,
  );
}

/**
 * Every field given must be one the provider can store for this write, and every provider field one it accepts;
 * a create must carry what the provider requires. Checked for all targets before anything is written.
 */
export function validateChanges(provider: CustomerProvider, write: 'create' | 'update', changes: CustomerChanges): void {
  const problem = changeProblem(provider, write, changes, { required: true });
  if (problem !== null) throw new ValidationError(problem.message, problem.field, provider.name);
}

function describe(operation: CustomerOperation): string {
  const words: Record<CustomerOperation, string> = {
    create: 'create customers',
    update: 'update customers',
    updateByExternalId: 'update a customer by external ID',
    delete: 'delete customers',
    deleteByExternalId: 'delete a customer by external ID',
    archive: 'archive customers',
    unarchive: 'unarchive customers',
    syncPaymentMethods: 'sync payment methods',
  };
  return words[operation];
}

/**
 * The idempotency key must suit every provider the write may reach (Orb takes at most 64 characters), so it is
 * checked before any lookup or write: by id, the prefix's provider; by external ID and provider, that one; by
 * external ID alone, every provider.
 */
export function checkIdempotencyKey(key: string | null | undefined, candidates: readonly CustomerProvider[]): void {
  if (key == null) return;
  for (const provider of candidates) {
    const max = provider.limits.maxIdempotencyKeyLength;
    if (max !== undefined && key.length > max) {
      throw new ValidationError(`${provider.displayName} takes idempotency keys of at most ${max} characters (this one has ${key.length}).`, 'idempotencyKey', provider.name);
    }
  }
}
