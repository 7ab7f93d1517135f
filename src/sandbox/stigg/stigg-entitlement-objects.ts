import { isoTimestamp } from '../shared/memo';
import { findCurrency, type StiggCurrency, type StiggFeature, type StiggPlanGrant } from './stigg-catalog';
import type { StiggCheckRequest, StiggDenialReason, StiggEntitlementScope } from './stigg-types';
import { usagePeriod } from './stigg-usage-period';

/**
 * Stigg's `Feature` and `Credit` entitlement objects, built from a plan grant and the current usage. Optional
 * fields appear only where they mean something: usage and limits on NUMBER features, usage periods on features
 * that reset.
 */

export type Payload = Record<string, unknown>;

function featureObject(feature: StiggFeature): Payload {
  return { id: feature.id, displayName: feature.displayName, featureStatus: feature.featureStatus, featureType: feature.featureType };
}

function currencyObject(currency: StiggCurrency): Payload {
  return {
    currencyId: currency.currencyId,
    displayName: currency.displayName,
    description: currency.description,
    metadata: null,
    unitPlural: currency.unitPlural,
    unitSingular: currency.unitSingular,
  };
}

export function deniedFeature(reason: StiggDenialReason, feature: StiggFeature | undefined): Payload {
  return { type: 'FEATURE', isGranted: false, accessDeniedReason: reason, ...(feature === undefined ? {} : { feature: featureObject(feature) }) };
}

export function deniedCredit(reason: StiggDenialReason, currencyId: string, now: Date): Payload {
  // The Credit object requires currency and usage fields even when there is nothing to report.
  const currency = findCurrency(currencyId) ?? { currencyId, displayName: currencyId, description: null, unitSingular: null, unitPlural: null };
  return {
    type: 'CREDIT',
    isGranted: false,
    accessDeniedReason: reason,
    currency: currencyObject(currency),
    currentUsage: 0,
    usageLimit: 0,
    usageUpdatedAt: now.toISOString(),
  };
}

/** A granted plan entitlement for one feature, evaluated against an optional request. */
export function featureEntitlement(feature: StiggFeature, grant: StiggPlanGrant, scope: StiggEntitlementScope, request: StiggCheckRequest, now: Date): Payload {
  const startedAt = (scope.subscription as NonNullable<StiggEntitlementScope['subscription']>).startedAt;
  const common = { entitlementUpdatedAt: isoTimestamp(startedAt), feature: featureObject(feature) };
  const wantsValues = request.requestedValues !== undefined && request.requestedValues.length > 0;
  if (feature.featureType !== 'ENUM' && wantsValues) return deniedFeature('FeatureTypeMismatch', feature);
  if (feature.featureType === 'ENUM' && request.requestedUsage !== undefined) return deniedFeature('FeatureTypeMismatch', feature);

  if (feature.featureType === 'BOOLEAN') return { type: 'FEATURE', isGranted: true, accessDeniedReason: null, ...common };
  if (feature.featureType === 'ENUM') {
    const allowed = new Set(grant.values ?? []);
    const granted = (request.requestedValues ?? []).every((value) => allowed.has(value));
    return { type: 'FEATURE', isGranted: granted, accessDeniedReason: granted ? null : 'RequestedValuesMismatch', ...common };
  }

  const usageLimit = grant.usageLimit ?? null;
  const currentUsage = scope.usage[feature.id] ?? 0;
  // Without a requested amount the question is "may one more unit be used?".
  const granted = usageLimit === null || (request.requestedUsage === undefined ? currentUsage < usageLimit : currentUsage + request.requestedUsage <= usageLimit);
  const period = feature.resetPeriod === undefined ? null : usagePeriod(startedAt, feature.resetPeriod, now);
  return {
    type: 'FEATURE',
    isGranted: granted,
    accessDeniedReason: granted ? null : 'RequestedUsageExceedingLimit',
    currentUsage,
    hasUnlimitedUsage: usageLimit === null,
    usageLimit,
    resetPeriod: feature.resetPeriod ?? null,
    ...(period === null
      ? {}
      : {
          usagePeriodAnchor: isoTimestamp(startedAt),
          usagePeriodStart: isoTimestamp(period.start),
          usagePeriodEnd: isoTimestamp(period.end),
          validUntil: isoTimestamp(period.end),
        }),
    ...common,
  };
}

export function creditEntitlement(currency: StiggCurrency, scope: StiggEntitlementScope, requestedUsage: number | undefined, now: Date): Payload {
  const credits = scope.credits as NonNullable<StiggEntitlementScope['credits']>;
  const startedAt = (scope.subscription as NonNullable<StiggEntitlementScope['subscription']>).startedAt;
  const balance = credits.granted - credits.consumed;
  const granted = requestedUsage === undefined ? balance > 0 : balance >= requestedUsage;
  const period = usagePeriod(startedAt, 'MONTH', now);
  return {
    type: 'CREDIT',
    isGranted: granted,
    accessDeniedReason: granted ? null : 'InsufficientCredits',
    currency: currencyObject(currency),
    currentUsage: credits.consumed,
    usageLimit: credits.granted,
    usageUpdatedAt: isoTimestamp(credits.updatedAt),
    usagePeriodEnd: isoTimestamp(period.end),
    validUntil: isoTimestamp(period.end),
    entitlementUpdatedAt: isoTimestamp(startedAt),
  };
}
