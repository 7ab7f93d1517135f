import { maxLength, rule } from '../kit/input-rules';
import type { ProviderLimits } from '../spec/provider';

/**
 * Polar's `Metadata` input (polar.md §2 "Create bodies"; specs/polar.openapi.json `CustomerUpdate.metadata`): at most
 * 50 keys, each key 1–40 characters, each value a string of 1–500 characters, an integer, a number or a boolean. The
 * gateway's metadata is a patch, so a null value (remove the key) passes; the key count is of the patch.
 */
function polarMetadataProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const entries = Object.entries(value);
  if (entries.length > 50) return `metadata holds at most 50 keys at Polar (got ${entries.length})`;
  for (const [key, entry] of entries) {
    const keyLength = [...key].length;
    if (keyLength < 1 || keyLength > 40) return `metadata keys must be 1 to 40 characters at Polar ("${key.slice(0, 50)}" has ${keyLength})`;
    if (entry === null || typeof entry === 'number' || typeof entry === 'boolean') continue;
    if (typeof entry !== 'string') return `metadata.${key} must be a string, a number or a boolean at Polar`;
    const length = [...entry].length;
    if (length < 1 || length > 500) return `metadata.${key} must be 1 to 500 characters at Polar (got ${length})`;
  }
  return null;
}

export const polarLimits: ProviderLimits = {
  listFilters: ['email', 'search'],
  maxPageSize: 100,
  totalCount: true,
  writableFields: {
    create: ['email', 'name', 'externalId', 'metadata', 'billingAddress'],
    // externalId only while the customer has none: Polar answers 422 to any change of an existing one.
    update: ['email', 'name', 'externalId', 'metadata', 'billingAddress'],
  },
  requiredOnCreate: ['email'],
  providerFields: { create: ['type', 'tax_id', 'locale', 'owner', 'organization_id'], update: ['tax_id', 'locale'] },
  idempotency: false,
  anonymizeOnDelete: true,
  // polar.md §2 and specs/polar.openapi.json (`CustomerCreate`/`CustomerUpdate`): `name` is string(≤256); metadata
  // as above. Refused before any call instead of by Polar's 422 after the other targets of a fan-out were written.
  inputRules: [maxLength('name', 256), rule('metadata', polarMetadataProblem)],
  alternatives: {},
  // Polar answers 422 to an id that is not a UUID4; for a lookup that only means "no such customer".
  absentStatuses: [422],
};
