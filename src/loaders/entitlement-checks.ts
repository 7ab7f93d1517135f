import { deriveEntitlementCheck } from './derived-entitlement-check';
import { ProviderError } from '../providers/spec/errors';
import type { CustomerProvider, EntitlementCheck, EntitlementCheckRequest } from '../providers/spec/provider';
import { entitlementCheckOf } from '../routing/capabilities';
import { RequestError } from '../routing/request-error';
import type { LoaderEnvironment } from './environment';
import type { Loaders } from './loaders';

/**
 * One entitlement check at one provider: its check endpoint where it has one, else decided from its
 * entitlements (loaded through the batched loader), else a refusal that names who can answer.
 */
export async function checkEntitlementAt(
  provider: CustomerProvider,
  id: string,
  request: EntitlementCheckRequest,
  environment: LoaderEnvironment,
  loaders: Loaders,
): Promise<EntitlementCheck> {
  const check = provider.entitlements?.check;
  if (check !== undefined) return check(id, request, environment.calls);
  if (entitlementCheckOf(provider) === 'derived') {
    try {
      const { entitlements } = await loaders.entitlements.load({ provider: provider.name, id });
      return deriveEntitlementCheck(entitlements, request, provider.name);
    } catch (error) {
      if (error instanceof ProviderError && error.code === 'NOT_FOUND') return customerNotFound(provider.name, request);
      throw error;
    }
  }
  const able = environment.directory.providers().filter((candidate) => entitlementCheckOf(candidate) !== 'none');
  throw new RequestError('UNSUPPORTED_OPERATION', `${provider.displayName} has no entitlements to check; ask ${able.map((candidate) => candidate.displayName).join(' or ')}.`, {
    provider: provider.name,
    operation: 'checkEntitlement',
  });
}

/** The answer for a person the provider does not hold: a denial, as Stigg itself answers it. */
export function customerNotFound(provider: string, request: EntitlementCheckRequest): EntitlementCheck {
  return {
    featureId: request.featureId,
    hasAccess: false,
    denialReason: 'CustomerNotFound',
    requestedUsage: request.requestedUsage ?? null,
    currentUsage: null,
    usageLimit: null,
    source: provider,
    entitlement: null,
  };
}
