import type { Entitlement, EntitlementCheck, EntitlementCheckRequest } from '../providers/spec/provider';

/**
 * Decides an entitlement check from a list of entitlements, for providers that grant access but have no check
 * endpoint. The rules and denial reasons follow Stigg's check, so answers read alike whichever provider decides.
 */
export function deriveEntitlementCheck(entitlements: readonly Entitlement[], request: EntitlementCheckRequest, source: string): EntitlementCheck {
  const entitlement = entitlements.find((candidate) => candidate.featureId === request.featureId) ?? null;
  const requestedUsage = request.requestedUsage ?? null;
  const answer = (hasAccess: boolean, denialReason: string | null): EntitlementCheck => ({
    featureId: request.featureId,
    hasAccess,
    denialReason: hasAccess ? null : denialReason,
    requestedUsage,
    currentUsage: entitlement?.currentUsage ?? null,
    usageLimit: entitlement?.usageLimit ?? null,
    source,
    entitlement,
  });
  if (entitlement === null) return answer(false, 'EntitlementNotFound');
  if (!entitlement.hasAccess) return answer(false, entitlement.denialReason ?? 'Revoked');
  switch (entitlement.kind) {
    case 'BOOLEAN':
      return answer(true, null);
    case 'ENUM': {
      const missing = (request.requestedValues ?? []).filter((value) => !entitlement.enumValues.includes(value));
      return answer(missing.length === 0, 'RequestedValuesMismatch');
    }
    case 'NUMERIC':
    case 'CREDIT': {
      if (entitlement.unlimited || entitlement.usageLimit === null) return answer(true, null);
      const used = entitlement.currentUsage ?? 0;
      const fits = used + (requestedUsage ?? 0) <= entitlement.usageLimit;
      return answer(fits, entitlement.kind === 'CREDIT' ? 'InsufficientCredits' : 'RequestedUsageExceedingLimit');
    }
  }
}
