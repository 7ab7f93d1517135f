import type { CustomerChanges, CustomerProvider, WritableField } from '../spec/provider';

const UNIFIED_FIELDS: readonly WritableField[] = ['email', 'name', 'externalId', 'metadata', 'currency', 'timezone', 'billingAddress'];

export interface ChangeProblem {
  field: string;
  message: string;
}

/**
 * The first thing in `changes` the provider's limits refuse for this write, or null: a field it cannot store, a
 * field a create requires (when asked), a provider field it does not accept, an input rule broken, or the metadata key where it keeps the external ID
 * (an index-backed provider: two ways to write the external ID could disagree). The kit's wrapper refuses with
 * it before any call; the gateway checks every target with it before the first write of a fan-out.
 */
export function changeProblem(
  provider: CustomerProvider,
  write: 'create' | 'update',
  changes: CustomerChanges,
  options: { required?: boolean } = {},
): ChangeProblem | null {
  const { limits, displayName } = provider;
  const writable = limits.writableFields[write];
  for (const field of UNIFIED_FIELDS) {
    if (changes[field] !== undefined && !writable.includes(field)) {
      return { field, message: `${displayName} cannot store ${field}${write === 'update' ? ' on update' : ''}; leave it out for this provider.` };
    }
  }
  if (write === 'create' && options.required === true) {
    // The gateway asks for what a create requires; an adapter leaves it to the provider's own rules (a Polar team has no email).
    for (const field of limits.requiredOnCreate) {
      const value = changes[field];
      if (value === undefined || value === null || value === '') return { field, message: `${displayName} requires ${field} to create a customer.` };
    }
  }
  const accepted = limits.providerFields[write];
  for (const key of Object.keys(changes.providerFields ?? {})) {
    if (!accepted.includes(key)) {
      return { field: `providerFields.${key}`, message: `${displayName} does not accept providerFields.${key} on ${write} (it accepts: ${accepted.join(', ') || 'none'}).` };
    }
  }
  for (const rule of limits.inputRules ?? []) {
    const value = changes[rule.field];
    if (value === undefined || value === null || !rule.writes.includes(write)) continue;
    const problem = rule.problem(value);
    if (problem !== null) return { field: rule.field, message: `${displayName}: ${problem}.` };
  }
  const lookup = provider.customers.byExternalId;
  if (lookup.kind === 'index' && changes.metadata != null && Object.hasOwn(changes.metadata, lookup.metadataKey)) {
    return {
      field: `metadata.${lookup.metadataKey}`,
      message: `${displayName} keeps the external ID in metadata.${lookup.metadataKey}; set it with externalId, not metadata.`,
    };
  }
  return null;
}
