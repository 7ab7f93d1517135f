import { ProviderError } from '../spec/errors';
import type { CustomerChanges, JsonObject } from '../spec/provider';
import { orbLimits } from './orb-capabilities';
import { toOrbAddress } from './orb-map';

/**
 * `CustomerChanges` → Orb's create/update body (DESIGN §3); the kit has already refused what Orb cannot store.
 * Metadata goes as the patch it is: Orb itself writes keys given a value, removes keys given null and clears the
 * map for `metadata: null`.
 */
export function orbCustomerBody(changes: CustomerChanges, mode: 'create' | 'update'): JsonObject {
  const body: JsonObject = {};
  const field = <K extends keyof CustomerChanges>(key: K, orbKey: string, convert: (value: NonNullable<CustomerChanges[K]> | null) => unknown = (value) => value) => {
    const value = changes[key];
    if (value === undefined) return;
    body[orbKey] = convert(value as NonNullable<CustomerChanges[K]> | null);
  };
  field('email', 'email', required('email'));
  field('name', 'name', required('name'));
  field('externalId', 'external_customer_id');
  field('metadata', 'metadata');
  field('currency', 'currency');
  field('timezone', 'timezone');
  field('billingAddress', 'billing_address', (address) => toOrbAddress(address));

  Object.assign(body, changes.providerFields);
  if (mode === 'create') {
    for (const key of orbLimits.requiredOnCreate) {
      if (changes[key] === undefined) throw invalid(key, `Orb requires ${key} to create a customer`);
    }
  }
  return body;
}

/** Orb customers always have an email and a name: null cannot clear them. */
function required(key: string) {
  return (value: unknown) => {
    if (value === null || value === '') throw invalid(key, `Orb requires ${key}; it cannot be cleared`);
    return value;
  };
}

function invalid(field: string, message: string): ProviderError {
  return new ProviderError({ provider: 'orb', code: 'VALIDATION', message, field, retryable: false });
}
