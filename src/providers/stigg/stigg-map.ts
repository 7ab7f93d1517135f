import type { Customer, CustomerStatus, Entitlement, EntitlementCheck, EntitlementCheckRequest, EntitlementKind, JsonObject } from '../spec/provider';
import { isObject, optionalDate } from '../kit/payload';

/** Stigg has no status word: a customer is archived when `archivedAt` is set. */
const STATUS_BY_STATE: Record<'archived' | 'live', CustomerStatus> = { archived: 'ARCHIVED', live: 'ACTIVE' };

/** `feature.featureType` → the domain kind. A type Stigg adds later is read as an on/off gate: access is all it says. */
const KIND_BY_FEATURE_TYPE: Record<string, EntitlementKind> = { BOOLEAN: 'BOOLEAN', NUMBER: 'NUMERIC', ENUM: 'ENUM' };
const FALLBACK_KIND: EntitlementKind = 'BOOLEAN';

/** Denials that mean "there is no entitlement to show", as opposed to an entitlement that says no. */
const NO_ENTITLEMENT_REASONS = new Set([
  'FeatureNotFound',
  'CustomerNotFound',
  'CustomerIsArchived',
  'CustomerResourceNotFound',
  'NoActiveSubscription',
  'NoFeatureEntitlementInSubscription',
  'EntitlementNotFound',
  'FeatureTypeMismatch',
]);

export function mapStiggCustomer(payload: JsonObject): Customer {
  const id = text(payload.id) ?? '';
  const archived = text(payload.archivedAt) !== null;
  const currency = text(payload.billingCurrency);
  return {
    provider: 'stigg',
    providerId: id,
    // Stigg's customer id is the caller's own id (DESIGN §3).
    externalId: id === '' ? null : id,
    email: text(payload.email),
    name: text(payload.name),
    status: STATUS_BY_STATE[archived ? 'archived' : 'live'],
    providerStatus: null,
    createdAt: optionalDate(payload.createdAt),
    updatedAt: optionalDate(payload.updatedAt),
    // Stigg writes ISO 4217 codes in lower case; the graph uses the usual upper case.
    currency: currency === null ? null : currency.toUpperCase(),
    timezone: text(payload.timezone),
    // Shared with `raw`, not copied: domain customers are read-only, and a copy per row was garbage nobody used.
    metadata: isObject(payload.metadata) ? payload.metadata : {},
    billingAddress: null,
    raw: payload,
    embeddedState: null,
  };
}

/** A `Feature` or `Credit` entitlement object; null when it carries no entitlement (a bare denial). */
export function mapStiggEntitlement(payload: JsonObject): Entitlement | null {
  const reason = text(payload.accessDeniedReason);
  if (reason !== null && NO_ENTITLEMENT_REASONS.has(reason)) return null;
  const common = {
    hasAccess: payload.isGranted === true,
    usageLimit: number(payload.usageLimit),
    currentUsage: number(payload.currentUsage),
    resetsAt: optionalDate(payload.usagePeriodEnd),
    validUntil: optionalDate(payload.validUntil),
    denialReason: reason,
    // Stigg's REST entitlement objects do not list an enum feature's allowed values; checks evaluate them.
    enumValues: [],
    source: 'stigg',
  };
  if (payload.type === 'CREDIT' && isObject(payload.currency)) {
    const featureId = text(payload.currency.currencyId);
    if (featureId === null) return null;
    // A credit grant is a balance, never unlimited; it is topped up per billing period.
    return { featureId, name: text(payload.currency.displayName), kind: 'CREDIT', unlimited: false, resetPeriod: null, ...common };
  }
  if (!isObject(payload.feature)) return null;
  const featureId = text(payload.feature.id);
  if (featureId === null) return null;
  return {
    featureId,
    name: text(payload.feature.displayName),
    kind: KIND_BY_FEATURE_TYPE[String(payload.feature.featureType)] ?? FALLBACK_KIND,
    unlimited: payload.hasUnlimitedUsage === true,
    resetPeriod: text(payload.resetPeriod),
    ...common,
  };
}

export function mapStiggCheck(payload: JsonObject, request: EntitlementCheckRequest): EntitlementCheck {
  return {
    featureId: request.featureId,
    hasAccess: payload.isGranted === true,
    denialReason: text(payload.accessDeniedReason),
    requestedUsage: request.requestedUsage ?? null,
    currentUsage: number(payload.currentUsage),
    usageLimit: number(payload.usageLimit),
    source: 'stigg',
    entitlement: mapStiggEntitlement(payload),
  };
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function number(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

