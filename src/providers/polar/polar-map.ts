import type { Address, Customer, CustomerStatus, JsonObject } from '../spec/provider';

/** Polar payloads as they arrive: loosely typed, read field by field. */
export type PolarPayload = Record<string, unknown>;

export const readText = (value: unknown): string | null => (typeof value === 'string' ? value : null);
export const readNumber = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
export const readDate = (value: unknown): Date | null => {
  if (typeof value !== 'string') return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
};
export const readObject = (value: unknown): PolarPayload => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as PolarPayload) : {});
export const readList = (value: unknown): PolarPayload[] => (Array.isArray(value) ? value.map(readObject) : []);

/**
 * Polar has no lifecycle word: a customer is live until `deleted_at` is set (and deleted ones are not returned by
 * reads at all). The word below is derived from that field only; anything unexpected there counts as deleted.
 */
const STATUS_BY_LIFECYCLE: Record<'live' | 'deleted', CustomerStatus> = { live: 'ACTIVE', deleted: 'DELETED' };

function lifecycle(payload: PolarPayload): 'live' | 'deleted' {
  return payload.deleted_at === null || payload.deleted_at === undefined ? 'live' : 'deleted';
}

function mapAddress(value: unknown): Address | null {
  if (value === null || typeof value !== 'object') return null;
  const address = readObject(value);
  return {
    line1: readText(address.line1),
    line2: readText(address.line2),
    city: readText(address.city),
    state: readText(address.state),
    postalCode: readText(address.postal_code),
    country: readText(address.country),
  };
}

/** The state endpoint returns every customer field plus three lists; the customer part is the same payload. */
const STATE_FIELDS = ['active_subscriptions', 'granted_benefits', 'active_meters'];

export function mapPolarCustomer(payload: PolarPayload): Customer {
  // Only the state endpoint's payload carries the state lists; a plain customer payload is `raw` as it is.
  const withState = STATE_FIELDS.some((key) => key in payload);
  let raw: JsonObject | null = withState ? null : payload;
  return {
    provider: 'polar',
    providerId: String(payload.id),
    externalId: readText(payload.external_id),
    email: readText(payload.email),
    name: readText(payload.name),
    status: STATUS_BY_LIFECYCLE[lifecycle(payload)],
    providerStatus: null,
    createdAt: readDate(payload.created_at),
    updatedAt: readDate(payload.modified_at),
    currency: null,
    timezone: null,
    // Shared with `raw`, not copied: domain customers are read-only, and a copy per row was garbage nobody used.
    metadata: readObject(payload.metadata),
    billingAddress: mapAddress(payload.billing_address),
    // Built on first read: few queries select `raw`.
    get raw(): JsonObject {
      raw ??= Object.fromEntries(Object.entries(payload).filter(([key]) => !STATE_FIELDS.includes(key)));
      return raw;
    },
    set raw(value: JsonObject) {
      raw = value;
    },
    embeddedState: null,
  };
}
