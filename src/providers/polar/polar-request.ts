import { ProviderError } from '../spec/errors';
import { mergeMetadata } from '../kit/metadata';
import type { Address, CustomerChanges, CustomerFilter, JsonObject } from '../spec/provider';

/**
 * Query strings as `@polar-sh/sdk` writes them: deepObject `metadata[...]` first, then the form parameters in
 * alphabetical order, arrays repeated, values through `encodeURIComponent` (a space is `%20`, not `+`).
 */
export function polarQuery(parameters: Record<string, string | number | boolean | readonly string[] | null | undefined>): string {
  const pairs: string[] = [];
  for (const key of Object.keys(parameters).sort()) {
    const value = parameters[key];
    if (value === null || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(item))}`);
  }
  return pairs.join('&');
}

export function polarValidationError(message: string, field: string): ProviderError {
  return new ProviderError({ provider: 'polar', code: 'VALIDATION', message, field });
}

/** Polar filters by exact email and by `query`; the kit has refused the created-at range it lacks. */
export function polarListFilters(filter: CustomerFilter): { email?: string; query?: string } {
  return {
    ...(filter.email !== undefined && filter.email !== null ? { email: filter.email } : {}),
    ...(filter.search !== undefined && filter.search !== null ? { query: filter.search } : {}),
  };
}

/** `AddressInput`: the country is required, so an address without one cannot be written. */
function polarAddress(address: Address): JsonObject {
  if (address.country === null || address.country === '') throw polarValidationError('Polar needs a country in every billing address', 'billingAddress.country');
  return {
    line1: address.line1,
    line2: address.line2,
    postal_code: address.postalCode,
    city: address.city,
    state: address.state,
    country: address.country,
  };
}

export function polarCreateBody(changes: CustomerChanges): JsonObject {
  const team = changes.providerFields?.type === 'team';
  if ((changes.email === undefined || changes.email === null) && !team) throw polarValidationError('Polar needs an email to create a customer', 'email');
  const body: JsonObject = {};
  if (changes.email !== undefined) body.email = changes.email;
  if (changes.name !== undefined) body.name = changes.name;
  if (changes.externalId !== undefined) body.external_id = changes.externalId;
  if (changes.metadata !== undefined) body.metadata = mergeMetadata({}, changes.metadata);
  if (changes.billingAddress !== undefined && changes.billingAddress !== null) body.billing_address = polarAddress(changes.billingAddress);
  return { ...body, ...changes.providerFields };
}

/**
 * `CustomerUpdate` without metadata (the caller merges it: Polar replaces the whole map). Polar ignores
 * `email: null` and refuses `billing_address: null`; clearing either is refused here with the field named.
 */
export function polarUpdateBody(changes: CustomerChanges): JsonObject {
  if (changes.email === null) throw polarValidationError('Polar cannot remove a customer email', 'email');
  if (changes.billingAddress === null) throw polarValidationError('Polar cannot remove a billing address once set', 'billingAddress');
  const body: JsonObject = {};
  if (changes.email !== undefined) body.email = changes.email;
  if (changes.name !== undefined) body.name = changes.name;
  if (changes.externalId !== undefined) body.external_id = changes.externalId;
  if (changes.billingAddress !== undefined) body.billing_address = polarAddress(changes.billingAddress);
  return { ...body, ...changes.providerFields };
}
