import { ProviderError } from '../spec/errors';
import { mergeMetadata } from '../kit/metadata';
import type { Customer, CustomerChanges, JsonObject } from '../spec/provider';
import { OMISE_EXTERNAL_ID_KEY } from './omise-capabilities';

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
  checkFields(changes);
  const body: JsonObject = {};
  if (changes.email !== undefined) body.email = changes.email;
  if (changes.name !== undefined) body.description = changes.name;
  if (touchesMetadata(changes)) {
    const start = mode === 'create' || base === null ? { metadata: {}, externalId: null } : base;
    const metadata = changes.metadata === undefined ? { ...start.metadata } : mergeMetadata(start.metadata, changes.metadata);
    const externalId = changes.externalId === undefined ? start.externalId : changes.externalId;
    if (externalId !== null && externalId !== '') metadata[OMISE_EXTERNAL_ID_KEY] = externalId;
    body.metadata = metadata;
  }
  // Provider fields go as they are: the kit has checked them against `omiseLimits.providerFields`.
  return { ...body, ...changes.providerFields };
}

/** Whether the body carries `metadata`, so an update must know the current map first. */
export function touchesMetadata(changes: CustomerChanges): boolean {
  return changes.metadata !== undefined || changes.externalId !== undefined;
}

/** The current map as the gateway sees it: `metadata` less `external_id`, and the external id beside it. */
export function metadataBase(customer: Customer): OmiseMetadataBase {
  return { metadata: customer.metadata, externalId: customer.externalId };
}

/** What the kit's limits do not cover: an empty external id (null removes it). */
function checkFields(changes: CustomerChanges): void {
  if (typeof changes.externalId === 'string' && changes.externalId.trim() === '') {
    throw invalid('externalId', 'the external id cannot be empty; use null to remove it');
  }
}

function invalid(field: string, message: string): ProviderError {
  return new ProviderError({ provider: 'omise', code: 'VALIDATION', message, field, retryable: false });
}
