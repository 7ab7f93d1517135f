import { ProviderError } from '../spec/errors';
import { mergeMetadata } from '../kit/metadata';
import type { Customer, CustomerChanges, JsonObject, WritableField } from '../spec/provider';
import { omiseCapabilities } from './omise-capabilities';

/** The parts of the current customer a metadata write starts from. */
export interface OmiseMetadataBase {
  metadata: JsonObject;
  externalId: string | null;
}

/**
 * `CustomerChanges` → Omise's body (DESIGN §3): `name` → `description`, `externalId` → `metadata.external_id`.
 * Omise replaces the whole metadata map on update, so an update that touches metadata or the external id sends
 * the full map: the current one (`base`) with the patch applied and `external_id` kept unless it is changed.
 */
export function omiseCustomerBody(changes: CustomerChanges, mode: 'create' | 'update', base: OmiseMetadataBase | null): JsonObject {
  checkFields(changes, mode);
  const body: JsonObject = {};
  if (changes.email !== undefined) body.email = changes.email;
  if (changes.name !== undefined) body.description = changes.name;
  if (touchesMetadata(changes)) {
    const start = mode === 'create' || base === null ? { metadata: {}, externalId: null } : base;
    const metadata = changes.metadata === undefined ? { ...start.metadata } : mergeMetadata(start.metadata, changes.metadata);
    const externalId = changes.externalId === undefined ? start.externalId : changes.externalId;
    if (externalId !== null && externalId !== '') metadata.external_id = externalId;
    body.metadata = metadata;
  }
  const allowed: readonly string[] = omiseCapabilities.providerFields[mode];
  for (const [key, value] of Object.entries(changes.providerFields ?? {})) {
    if (!allowed.includes(key)) throw invalid(`providerFields.${key}`, `Omise does not accept ${key} through providerFields on ${mode}`);
    body[key] = value;
  }
  return body;
}

/** Whether the body carries `metadata`, so an update must know the current map first. */
export function touchesMetadata(changes: CustomerChanges): boolean {
  return changes.metadata !== undefined || changes.externalId !== undefined;
}

/** The current map as the gateway sees it: `metadata` less `external_id`, and the external id beside it. */
export function metadataBase(customer: Customer): OmiseMetadataBase {
  return { metadata: customer.metadata, externalId: customer.externalId };
}

const UNIFIED_FIELDS: readonly WritableField[] = ['email', 'name', 'externalId', 'metadata', 'currency', 'timezone', 'billingAddress'];

function checkFields(changes: CustomerChanges, mode: 'create' | 'update'): void {
  const writable: readonly WritableField[] = omiseCapabilities.writableFields[mode];
  for (const field of UNIFIED_FIELDS) {
    if (changes[field] !== undefined && !writable.includes(field)) throw invalid(field, `Omise cannot store ${field}`);
  }
  if (changes.metadata !== undefined && changes.metadata !== null && Object.hasOwn(changes.metadata, 'external_id')) {
    throw invalid('metadata.external_id', 'Omise keeps the external id in metadata.external_id; set it through externalId');
  }
  if (typeof changes.externalId === 'string' && changes.externalId.trim() === '') {
    throw invalid('externalId', 'the external id cannot be empty; use null to remove it');
  }
}

function invalid(field: string, message: string): ProviderError {
  return new ProviderError({ provider: 'omise', code: 'VALIDATION', message, field, retryable: false });
}
