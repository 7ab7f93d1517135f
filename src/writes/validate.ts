import type { CustomerChanges, CustomerOperation, CustomerProvider, WritableField } from '../providers/spec/provider';
import { UnsupportedOperationError, ValidationError } from './write-errors';

const fieldNames: readonly WritableField[] = ['email', 'name', 'externalId', 'metadata', 'currency', 'timezone', 'billingAddress'];

/** The operation must exist at the provider; if not, the error names the provider's alternative. */
export function requireOperation(provider: CustomerProvider, operation: CustomerOperation): void {
  if (provider.capabilities.operations.includes(operation)) return;
  const alternative = provider.capabilities.alternatives[operation] ?? null;
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
  const capabilities = provider.capabilities;
  const writable = capabilities.writableFields[write];
  for (const field of fieldNames) {
    if (changes[field] === undefined) continue;
    if (!writable.includes(field)) {
      throw new ValidationError(`${provider.displayName} cannot store ${field}${write === 'update' ? ' on update' : ''}; leave it out for this provider.`, field, provider.name);
    }
  }
  if (write === 'create') {
    for (const field of capabilities.requiredOnCreate) {
      const value = changes[field];
      if (value === undefined || value === null || value === '') {
        throw new ValidationError(`${provider.displayName} requires ${field} to create a customer.`, field, provider.name);
      }
    }
  }
  const accepted = capabilities.providerFields[write];
  for (const key of Object.keys(changes.providerFields ?? {})) {
    if (!accepted.includes(key)) {
      throw new ValidationError(
        `${provider.displayName} does not accept providerFields.${key} on ${write} (it accepts: ${accepted.join(', ') || 'none'}).`,
        `providerFields.${key}`,
        provider.name,
      );
    }
  }
  for (const rule of capabilities.inputRules ?? []) {
    const value = changes[rule.field];
    if (value === undefined || value === null || !rule.writes.includes(write)) continue;
    const problem = rule.problem(value);
    if (problem !== null) throw new ValidationError(`${provider.displayName}: ${problem}.`, rule.field, provider.name);
  }
  if (changes.metadata != null && capabilities.externalIdLookup === 'index' && 'external_id' in changes.metadata) {
    throw new ValidationError(
      `${provider.displayName} keeps the external ID in metadata.external_id; set it with externalId, not metadata.`,
      'metadata.external_id',
      provider.name,
    );
  }
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
    const max = provider.capabilities.maxIdempotencyKeyLength;
    if (max !== undefined && key.length > max) {
      throw new ValidationError(`${provider.displayName} takes idempotency keys of at most ${max} characters (this one has ${key.length}).`, 'idempotencyKey', provider.name);
    }
  }
}
