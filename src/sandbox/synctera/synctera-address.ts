import { isPlainObject } from '../shared/sandbox-http';
import type { BodyProblems } from './synctera-errors';
import type { SyncteraAddress } from './synctera-types';

/** An address as a request gives it; `id` and `address_type` are the server's and are set on write. */
export type AddressInput = Omit<SyncteraAddress, 'id' | 'address_type'>;

const STRING_FIELDS = ['address_line_1', 'address_line_2', 'city', 'state', 'postal_code', 'country_code', 'nickname'] as const;
/** Read-only members a GET → PUT round trip echoes back; ignored on input. */
const ECHOED_FIELDS = new Set(['id', 'address_type']);
const KNOWN_FIELDS = new Set<string>([...STRING_FIELDS, 'is_registered_agent', ...ECHOED_FIELDS]);

/** Reads `legal_address` / `shipping_address` (spec `address`), reporting faults under `<field>.<member>`. */
export function readAddress(field: string, value: unknown, problems: BodyProblems): AddressInput | undefined {
  if (!isPlainObject(value)) {
    problems.invalid[field] = 'must be an address object';
    return undefined;
  }
  const before = problems.missing.length + Object.keys(problems.invalid).length;
  for (const key of Object.keys(value)) {
    if (!KNOWN_FIELDS.has(key)) problems.invalid[`${field}.${key}`] = 'unknown field';
  }
  const address: Partial<AddressInput> = {};
  for (const key of STRING_FIELDS) {
    const member = value[key];
    if (member === undefined) continue;
    if (typeof member !== 'string') problems.invalid[`${field}.${key}`] = 'must be a string';
    else address[key] = member;
  }
  if (value.is_registered_agent !== undefined) {
    if (typeof value.is_registered_agent !== 'boolean') problems.invalid[`${field}.is_registered_agent`] = 'must be a boolean';
    else address.is_registered_agent = value.is_registered_agent;
  }
  if (address.address_line_1 === undefined || address.address_line_1.trim() === '') {
    if (!(`${field}.address_line_1` in problems.invalid)) problems.missing.push(`${field}.address_line_1`);
  }
  if (address.country_code === undefined) {
    if (!(`${field}.country_code` in problems.invalid)) problems.missing.push(`${field}.country_code`);
  } else if (!/^[A-Z]{2}$/.test(address.country_code)) {
    problems.invalid[`${field}.country_code`] = 'must be an ISO-3166-1 alpha-2 code (^[A-Z]{2}$)';
  }
  if (address.postal_code !== undefined && address.country_code !== undefined) {
    const postal = normalizePostalCode(address.country_code, address.postal_code);
    if (postal === null) problems.invalid[`${field}.postal_code`] = `not a valid postal code for ${address.country_code}`;
    else address.postal_code = postal;
  }
  const after = problems.missing.length + Object.keys(problems.invalid).length;
  return after === before ? (address as AddressInput) : undefined;
}

/**
 * The spec's postal code rules: "For US, formats of 12345 or 12345-1234 are accepted. For CA, formats of A1A 1A1
 * or A1A1A1 (regardless of case) are accepted, and will be converted to A1A 1A1 format." Other countries free.
 */
function normalizePostalCode(country: string, postal: string): string | null {
  if (country === 'US') return /^\d{5}(-\d{4})?$/.test(postal) ? postal : null;
  if (country === 'CA') {
    const match = /^([A-Za-z]\d[A-Za-z]) ?(\d[A-Za-z]\d)$/.exec(postal);
    return match === null ? null : `${match[1]} ${match[2]}`.toUpperCase();
  }
  return postal;
}

export function storedAddress(input: AddressInput, id: string, type: SyncteraAddress['address_type']): SyncteraAddress {
  return { ...input, id, address_type: type };
}
