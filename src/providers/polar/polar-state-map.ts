import type { CustomerState, Entitlement, Meter, Subscription } from '../spec/provider';
import { emptyState } from '../kit/empty-state';
import { readDate, readList, readNumber, readObject, readText, type PolarPayload } from './polar-map';

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
