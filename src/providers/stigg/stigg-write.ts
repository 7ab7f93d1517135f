import { createHash, randomUUID } from 'node:crypto';
import { ProviderError } from '../spec/errors';
import type { CustomerChanges, JsonObject, WritableField } from '../spec/provider';

/** Stigg's provision body beyond the unified fields, passed through `providerFields`. */
export const STIGG_PROVIDER_FIELDS = {
  create: ['billingId', 'couponId', 'language', 'defaultPaymentMethod', 'integrations', 'passthrough'],
  update: ['billingId', 'couponId', 'language', 'integrations', 'passthrough'],
} as const;

export const STIGG_WRITABLE_FIELDS: { create: readonly WritableField[]; update: readonly WritableField[] } = {
  create: ['email', 'name', 'externalId', 'metadata', 'currency', 'timezone'],
  // The customer id is the external id and cannot change.
  update: ['email', 'name', 'metadata', 'currency', 'timezone'],
};

const UNIFIED_FIELDS: readonly WritableField[] = ['email', 'name', 'externalId', 'metadata', 'currency', 'timezone', 'billingAddress'];

/**
 * `POST /api/v1/customers` body. The id is the external id, or else a `customer-<uuid>` slug: derived from the
 * idempotency key when there is one (so a repeated create with that key is the same request and is replayed),
 * random otherwise.
 */
export function stiggProvisionBody(changes: CustomerChanges, idempotencyKey?: string): JsonObject {
  refuseUnwritable(changes, 'create');
  const generated = idempotencyKey === undefined ? randomUUID() : nameBasedUuid(`stigg-customer:${idempotencyKey}`);
  const body: JsonObject = { id: changes.externalId ?? `customer-${generated}` };
  Object.assign(body, commonFields(changes));
  // On create the metadata patch is the whole map: keys set to null have nothing to remove.
  if (changes.metadata !== undefined && changes.metadata !== null) {
    body.metadata = stringMetadata(Object.fromEntries(Object.entries(changes.metadata).filter(([, value]) => value !== null)));
  }
  return withProviderFields(body, changes, 'create');
}

/** `PATCH /api/v1/customers/{id}` body without metadata, which the caller merges (Stigg replaces the map). */
export function stiggUpdateBody(changes: CustomerChanges): JsonObject {
  refuseUnwritable(changes, 'update');
  return withProviderFields(commonFields(changes), changes, 'update');
}

/** Stigg metadata values are strings (`{[key]: string}`); anything else would be refused upstream. */
export function stringMetadata(metadata: JsonObject): Record<string, string> {
  for (const [key, value] of Object.entries(metadata)) {
    if (typeof value !== 'string') throw validation(`Stigg metadata values must be strings; "${key}" is ${value === null ? 'null' : typeof value}`, 'metadata');
  }
  return metadata as Record<string, string>;
}

/** An RFC 4122 version 5 (name-based, SHA-1) UUID in the URL namespace. */
function nameBasedUuid(name: string): string {
  const namespace = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');
  const bytes = createHash('sha1').update(namespace).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function commonFields(changes: CustomerChanges): JsonObject {
  const body: JsonObject = {};
  if (changes.email !== undefined) body.email = changes.email;
  if (changes.name !== undefined) body.name = changes.name;
  if (changes.currency !== undefined) body.billingCurrency = changes.currency === null ? null : changes.currency.toLowerCase();
  if (changes.timezone !== undefined) body.timezone = changes.timezone;
  return body;
}

function refuseUnwritable(changes: CustomerChanges, write: 'create' | 'update'): void {
  for (const field of UNIFIED_FIELDS) {
    if (changes[field] !== undefined && !STIGG_WRITABLE_FIELDS[write].includes(field)) {
      const reason = field === 'externalId' ? 'the Stigg customer id is the external id and cannot change' : `Stigg cannot store ${field}`;
      throw validation(reason, field);
    }
  }
}

function withProviderFields(body: JsonObject, changes: CustomerChanges, write: 'create' | 'update'): JsonObject {
  const allowed: readonly string[] = STIGG_PROVIDER_FIELDS[write];
  for (const [key, value] of Object.entries(changes.providerFields ?? {})) {
    if (!allowed.includes(key)) throw validation(`Stigg does not accept providerFields.${key} on ${write}`, `providerFields.${key}`);
    body[key] = value;
  }
  return body;
}

function validation(message: string, field: string): ProviderError {
  return new ProviderError({ provider: 'stigg', code: 'VALIDATION', message, field });
}
