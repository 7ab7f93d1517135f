import { createHash, randomUUID } from 'node:crypto';
import { ProviderError } from '../spec/errors';
import type { CustomerChanges, JsonObject } from '../spec/provider';

/**
 * Query strings as Stigg's SDK writes them (Stainless `stringifyQuery`: qs with `arrayFormat: 'comma'` and
 * RFC 3986 encoding): keys and values percent-encoded, brackets included (`createdAt%5Bgt%5D=…`), arrays joined
 * with a comma before encoding (`a%2Cb`), undefined and null left out.
 */
export type StiggQueryValue = string | number | readonly string[] | null | undefined;

export function stiggQuery(entries: readonly (readonly [string, StiggQueryValue])[]): string {
  const parts: string[] = [];
  for (const [key, value] of entries) {
    if (value === undefined || value === null) continue;
    const joined = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : value.join(',');
    parts.push(`${encode(key)}=${encode(joined)}`);
  }
  return parts.join('&');
}

/** `encodeURIComponent` leaves `!'()*` alone; RFC 3986 (and qs) escape them too. */
function encode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `POST /api/v1/customers` body. The id is the external id, or else a `customer-<uuid>` slug: derived from the
 * idempotency key when there is one (so a repeated create with that key is the same request and is replayed),
 * random otherwise.
 */
export function stiggProvisionBody(changes: CustomerChanges, idempotencyKey?: string): JsonObject {
  const generated = idempotencyKey === undefined ? randomUUID() : nameBasedUuid(`stigg-customer:${idempotencyKey}`);
  const body: JsonObject = { id: changes.externalId ?? `customer-${generated}` };
  Object.assign(body, commonFields(changes));
  // On create the metadata patch is the whole map: keys set to null have nothing to remove.
  if (changes.metadata !== undefined && changes.metadata !== null) {
    body.metadata = stringMetadata(Object.fromEntries(Object.entries(changes.metadata).filter(([, value]) => value !== null)));
  }
  return withProviderFields(body, changes);
}

/** `PATCH /api/v1/customers/{id}` body without metadata, which the caller merges (Stigg replaces the map). */
export function stiggUpdateBody(changes: CustomerChanges): JsonObject {
  return withProviderFields(commonFields(changes), changes);
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

/** Provider fields go as they are: the kit has checked them against `stiggLimits.providerFields`. */
function withProviderFields(body: JsonObject, changes: CustomerChanges): JsonObject {
  return { ...body, ...changes.providerFields };
}

function validation(message: string, field: string): ProviderError {
  return new ProviderError({ provider: 'stigg', code: 'VALIDATION', message, field });
}
