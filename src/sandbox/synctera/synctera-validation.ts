import { isPlainObject } from '../shared/sandbox-http';
import { readAddress, type AddressInput } from './synctera-address';
import type { BodyProblems } from './synctera-errors';
import { BAN_STATUSES, CUSTOMER_STATUSES, READ_ONLY_FIELDS, type SyncteraBanStatus, type SyncteraCustomer, type SyncteraCustomerStatus } from './synctera-types';

/** POST and PUT take `customer_in_body`; PATCH takes `patch_customer` (all optional). */
export type WriteMode = 'create' | 'replace' | 'patch';

/** The writable fields a request gave, validated; absent means "not given". */
export interface CustomerFields {
  status?: SyncteraCustomerStatus;
  first_name?: string;
  middle_name?: string;
  last_name?: string;
  dob?: string;
  email?: string;
  phone_number?: string;
  /** Last 4 digits of a newly given SSN, or `unchanged` when a round trip echoed the stored last 4. */
  ssn?: string | 'unchanged';
  legal_address?: AddressInput;
  shipping_address?: AddressInput;
  metadata?: Record<string, unknown>;
  ban_status?: SyncteraBanStatus;
  note?: string;
  tenant?: string;
}

const NAME_FIELDS = ['first_name', 'middle_name', 'last_name', 'note'] as const;
const PATCH_FIELDS = new Set([
  'ban_status', 'dob', 'email', 'first_name', 'last_name', 'legal_address', 'metadata', 'middle_name', 'note', 'phone_number',
  'shipping_address', 'ssn', 'status',
]);
const BODY_FIELDS = new Set([...PATCH_FIELDS, 'tenant', 'related_customers']);
const READ_ONLY = new Set<string>(READ_ONLY_FIELDS);

const PHONE_PATTERN = /^\+[1-9]\d{1,14}$/;
const SSN_PATTERN = /^\d{3}-\d{2}-(\d{4})$/;
const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * Reads a write body into `CustomerFields`, recording every fault in `problems`. Decisions where the docs are
 * silent: unknown fields are rejected (a typo would otherwise be dropped without a word); read-only fields are
 * accepted only when they repeat the stored value, so a GET → PUT round trip works, and are `immutable` otherwise.
 */
export function readCustomerBody(body: Record<string, unknown>, mode: WriteMode, current: SyncteraCustomer | undefined, today: string, problems: BodyProblems): CustomerFields {
  const fields: CustomerFields = {};
  for (const [key, value] of Object.entries(body)) {
    if (READ_ONLY.has(key) || (mode === 'patch' && key === 'tenant')) {
      const stored = current === undefined ? undefined : (current as unknown as Record<string, unknown>)[key];
      if (current === undefined || canonical(value) !== canonical(stored)) problems.immutable.push(key);
    } else if (key === 'related_customers') {
      problems.invalid[key] = 'related_customers is no longer supported';
    } else if (!(mode === 'patch' ? PATCH_FIELDS : BODY_FIELDS).has(key)) {
      problems.invalid[key] = 'unknown field';
    }
  }

  const status = body.status;
  if (status === undefined) {
    if (mode !== 'patch') problems.missing.push('status');
  } else if (!(CUSTOMER_STATUSES as readonly unknown[]).includes(status)) {
    problems.invalid.status = `must be one of ${CUSTOMER_STATUSES.join(', ')}`;
  } else {
    fields.status = status as SyncteraCustomerStatus;
  }

  for (const key of NAME_FIELDS) {
    const value = readString(body, key, problems);
    if (value !== undefined) fields[key] = value;
  }
  const tenant = mode === 'patch' ? undefined : readString(body, 'tenant', problems);
  if (tenant !== undefined) fields.tenant = tenant;

  const email = readString(body, 'email', problems);
  if (email !== undefined) {
    if (EMAIL_PATTERN.test(email)) fields.email = email;
    else problems.invalid.email = 'must be a valid email address';
  }
  const phone = readString(body, 'phone_number', problems);
  if (phone !== undefined) {
    if (PHONE_PATTERN.test(phone)) fields.phone_number = phone;
    else problems.invalid.phone_number = 'must be in E.164 format (^\\+[1-9]\\d{1,14}$)';
  }
  const dob = readString(body, 'dob', problems);
  if (dob !== undefined) {
    const fault = dobFault(dob, today);
    if (fault === null) fields.dob = dob;
    else problems.invalid.dob = fault;
  }
  const ssn = readString(body, 'ssn', problems);
  if (ssn !== undefined) {
    const match = SSN_PATTERN.exec(ssn);
    if (match !== null) fields.ssn = match[1] as string;
    else if (current?.ssn !== undefined && ssn === current.ssn) fields.ssn = 'unchanged';
    else problems.invalid.ssn = 'must match ^\\d{3}-\\d{2}-\\d{4}$';
  }

  for (const key of ['legal_address', 'shipping_address'] as const) {
    if (body[key] === undefined) continue;
    const address = readAddress(key, body[key], problems);
    if (address !== undefined) fields[key] = address;
  }

  if (body.metadata !== undefined) {
    if (isPlainObject(body.metadata)) fields.metadata = body.metadata;
    else problems.invalid.metadata = 'must be a JSON object';
  }
  if (body.ban_status !== undefined) {
    if ((BAN_STATUSES as readonly unknown[]).includes(body.ban_status)) fields.ban_status = body.ban_status as SyncteraBanStatus;
    else problems.invalid.ban_status = `must be one of ${BAN_STATUSES.join(', ')}`;
  }
  return fields;
}

function readString(body: Record<string, unknown>, key: string, problems: BodyProblems): string | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    problems.invalid[key] = 'must be a string';
    return undefined;
  }
  return value;
}

/** "RFC 3339 full-date (YYYY-MM-DD). Must be on or after 1900-01-01 and before current date." */
function dobFault(dob: string, today: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dob);
  if (match === null) return 'must be a date in YYYY-MM-DD format';
  const date = new Date(`${dob}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== dob) return 'is not a valid calendar date';
  if (dob < '1900-01-01') return 'must be on or after 1900-01-01';
  if (dob >= today) return 'must be before the current date';
  return null;
}

/** JSON with sorted keys, so that an echoed read-only value compares equal whatever its key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, member: unknown) =>
    isPlainObject(member) ? Object.fromEntries(Object.entries(member).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : member,
  ) ?? 'undefined';
}
