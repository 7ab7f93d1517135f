import type { Address, Customer, CustomerState, CustomerStatus, Entitlement, JsonObject, Meter, Subscription } from '../spec/provider';
import { withoutWriteMarker } from '../write-marker';
import { emptyState } from '../kit/empty-state';

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
    metadata: withoutWriteMarker(readObject(payload.metadata)),
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

/** Polar's customer state (`/v1/customers/{id}/state`) → subscriptions, meters and entitlements. */

function mapSubscription(payload: PolarPayload): Subscription {
  return {
    id: String(payload.id),
    status: readText(payload.status) ?? 'unknown',
    productId: readText(payload.product_id),
    amount: readNumber(payload.amount),
    currency: readText(payload.currency),
    interval: readText(payload.recurring_interval),
    currentPeriodStart: readDate(payload.current_period_start),
    currentPeriodEnd: readDate(payload.current_period_end),
    cancelAtPeriodEnd: payload.cancel_at_period_end === true,
    startedAt: readDate(payload.started_at),
  };
}

/**
 * Granted benefits become entitlements by one rule:
 * - `featureId` is `benefit_metadata.feature_id` when it is a non-empty string, else the `benefit_id`;
 *   `name` is `benefit_metadata.name` when it is a string;
 * - `meter_credit` is CREDIT: `usageLimit` = the credited units and `currentUsage` = the consumed units of the
 *   active meter the grant credits (`properties.last_credited_meter_id`), access while a balance is left; with a
 *   single active subscription, credits reset with its billing period;
 * - every other type (`feature_flag`, `custom`, `license_keys`, `downloadables`, `discord`, …) is BOOLEAN with access.
 */
function mapEntitlement(grant: PolarPayload, meters: readonly PolarPayload[], renewal: Subscription | null): Entitlement {
  const metadata = readObject(grant.benefit_metadata);
  const featureId = typeof metadata.feature_id === 'string' && metadata.feature_id !== '' ? metadata.feature_id : String(grant.benefit_id);
  const entitlement: Entitlement = {
    featureId,
    name: readText(metadata.name),
    kind: 'BOOLEAN',
    hasAccess: true,
    usageLimit: null,
    currentUsage: null,
    unlimited: false,
    resetPeriod: null,
    resetsAt: null,
    validUntil: null,
    denialReason: null,
    enumValues: [],
    source: 'polar',
  };
  if (grant.benefit_type !== 'meter_credit') return entitlement;
  const meterId = readText(readObject(grant.properties).last_credited_meter_id);
  const meter = meters.find((candidate) => candidate.meter_id === meterId);
  const limit = readNumber(meter?.credited_units) ?? readNumber(readObject(grant.properties).last_credited_units);
  const used = readNumber(meter?.consumed_units);
  const hasAccess = limit === null || used === null || used < limit;
  return {
    ...entitlement,
    kind: 'CREDIT',
    usageLimit: limit,
    currentUsage: used,
    hasAccess,
    denialReason: hasAccess ? null : 'Meter credits used up for this period',
    resetPeriod: renewal?.interval ?? null,
    resetsAt: renewal?.currentPeriodEnd ?? null,
  };
}

export function mapPolarState(payload: PolarPayload): CustomerState {
  const subscriptions = readList(payload.active_subscriptions).map(mapSubscription);
  const activeMeters = readList(payload.active_meters);
  const grants = readList(payload.granted_benefits);
  const renewal = subscriptions.length === 1 ? (subscriptions[0] as Subscription) : null;
  const meters: Meter[] = activeMeters.map((meter) => {
    // The state does not name meters; the credit benefit that feeds one does.
    const feeding = grants.find((grant) => grant.benefit_type === 'meter_credit' && readObject(grant.properties).last_credited_meter_id === meter.meter_id);
    return {
      id: String(meter.id),
      meterId: String(meter.meter_id),
      name: feeding === undefined ? null : readText(readObject(feeding.benefit_metadata).name),
      consumedUnits: readNumber(meter.consumed_units) ?? 0,
      creditedUnits: readNumber(meter.credited_units) ?? 0,
      balance: readNumber(meter.balance) ?? 0,
    };
  });
  return {
    ...emptyState(),
    subscriptions,
    meters,
    entitlements: grants.map((grant) => mapEntitlement(grant, activeMeters, renewal)),
  };
}
