import { findCurrency, findFeature, findPlan, STIGG_FEATURES, type StiggPlanGrant } from './stigg-catalog';
import { creditEntitlement, deniedCredit, deniedFeature, featureEntitlement, type Payload } from './stigg-entitlement-objects';
import type { StiggCheckRequest, StiggCustomerRecord, StiggDenialReason, StiggEntitlementScope } from './stigg-types';

/**
 * Stigg's entitlement evaluation, computed at request time from the plan, the usage, the limits and the archive
 * state: nothing here is a stored answer. Denials are answers (HTTP 200 with `isGranted: false` and a reason),
 * as in Stigg's `Feature` / `Credit` entitlement objects.
 */

type ScopeResolution = { scope: StiggEntitlementScope } | { reason: StiggDenialReason };

/** Customer-level checks every evaluation starts with, then the resource scope when one is asked for. */
function resolveScope(customer: StiggCustomerRecord | undefined, resourceId: string | undefined): ScopeResolution {
  if (customer === undefined) return { reason: 'CustomerNotFound' };
  if (customer.archivedAt !== null) return { reason: 'CustomerIsArchived' };
  if (resourceId === undefined) return { scope: customer };
  const resource = customer.resources.find((candidate) => candidate.id === resourceId);
  return resource === undefined ? { reason: 'CustomerResourceNotFound' } : { scope: resource };
}

function grantFor(scope: StiggEntitlementScope, featureId: string): StiggPlanGrant | undefined {
  const plan = scope.subscription === null ? undefined : findPlan(scope.subscription.planId);
  return plan?.grants.find((grant) => grant.featureId === featureId);
}

export function checkFeature(customer: StiggCustomerRecord | undefined, resourceId: string | undefined, featureId: string, request: StiggCheckRequest, now: Date): Payload {
  const feature = findFeature(featureId);
  const resolution = resolveScope(customer, resourceId);
  if ('reason' in resolution) return deniedFeature(resolution.reason, feature);
  if (feature === undefined) return deniedFeature('FeatureNotFound', undefined);
  if (resolution.scope.subscription === null) return deniedFeature('NoActiveSubscription', feature);
  const grant = grantFor(resolution.scope, featureId);
  if (grant === undefined) return deniedFeature('NoFeatureEntitlementInSubscription', feature);
  return featureEntitlement(feature, grant, resolution.scope, request, now);
}

export function checkCredit(customer: StiggCustomerRecord | undefined, resourceId: string | undefined, currencyId: string, requestedUsage: number | undefined, now: Date): Payload {
  const currency = findCurrency(currencyId);
  const resolution = resolveScope(customer, resourceId);
  if ('reason' in resolution) return deniedCredit(resolution.reason, currencyId, now);
  if (currency === undefined) return deniedCredit('FeatureNotFound', currencyId, now);
  if (resolution.scope.subscription === null) return deniedCredit('NoActiveSubscription', currencyId, now);
  if (resolution.scope.credits?.currencyId !== currencyId) return deniedCredit('NoFeatureEntitlementInSubscription', currencyId, now);
  return creditEntitlement(currency, resolution.scope, requestedUsage, now);
}

/**
 * Every effective entitlement of a customer (or one of its resources). The response's reason is limited to
 * CustomerNotFound, CustomerIsArchived and NoActiveSubscription (the SDK's type); an unknown resource has no
 * subscription of its own, so it answers NoActiveSubscription.
 */
export function listEntitlements(customer: StiggCustomerRecord | undefined, resourceId: string | undefined, now: Date): { accessDeniedReason: StiggDenialReason | null; entitlements: Payload[] } {
  const resolution = resolveScope(customer, resourceId);
  if ('reason' in resolution) {
    const reason = resolution.reason === 'CustomerResourceNotFound' ? 'NoActiveSubscription' : resolution.reason;
    return { accessDeniedReason: reason, entitlements: [] };
  }
  const { scope } = resolution;
  if (scope.subscription === null) return { accessDeniedReason: 'NoActiveSubscription', entitlements: [] };
  const entitlements: Payload[] = [];
  for (const feature of STIGG_FEATURES) {
    const grant = grantFor(scope, feature.id);
    if (grant !== undefined) entitlements.push(featureEntitlement(feature, grant, scope, {}, now));
  }
  const currency = scope.credits === null ? undefined : findCurrency(scope.credits.currencyId);
  if (currency !== undefined) entitlements.push(creditEntitlement(currency, scope, undefined, now));
  return { accessDeniedReason: null, entitlements };
}
