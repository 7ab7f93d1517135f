import { ProviderError } from '../spec/errors';
import type { CustomerChanges, JsonObject, ListRequest } from '../spec/provider';
import { orbLimits } from './orb-capabilities';
import { toOrbAddress } from './orb-map';

const NAME = 'orb';

/**
 * Orb's list query, encoded as orb-node encodes it (`qs`, RFC 3986, brackets in keys percent-encoded); the kit
 * has checked the filters and clamped the limit. `createdAfter` is inclusive (`created_at[gte]`), `createdBefore` exclusive (`created_at[lt]`), so adjacent
 * windows never share a customer.
 */
export function orbListQuery(request: ListRequest): string {
  const pairs: [string, string][] = [];
  const { createdAfter, createdBefore } = request.filter;
  if (createdAfter !== undefined && createdAfter !== null) pairs.push(['created_at[gte]', isoDate(createdAfter, 'createdAfter')]);
  if (createdBefore !== undefined && createdBefore !== null) pairs.push(['created_at[lt]', isoDate(createdBefore, 'createdBefore')]);
  if (request.cursor !== null && request.cursor !== '') pairs.push(['cursor', request.cursor]);
  pairs.push(['limit', String(request.limit)]);
  return pairs.map(([key, value]) => `${rfc3986(key)}=${rfc3986(value)}`).join('&');
}

function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

function isoDate(date: Date, field: string): string {
  if (Number.isNaN(date.getTime())) throw new ProviderError({ provider: NAME, code: 'VALIDATION', message: `${field} is not a valid date`, field, retryable: false });
  return date.toISOString();
}

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
