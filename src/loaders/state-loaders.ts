import DataLoader from 'dataloader';
import { emptyState } from '../providers/kit/empty-state';
import type { Customer, EntitlementsResult, StateResult } from '../providers/spec/provider';
import { formatGlobalId, type CustomerKey } from '../routing/global-id';
import type { LoaderEnvironment } from './environment';
import { tracedBatch } from './traced-batch';

export type { EntitlementsResult, StateResult };

/** A provider's state endpoint, one call per customer; the customer it returns primes the by-id loader. */
export function createStateLoader(
  environment: LoaderEnvironment,
  byId: DataLoader<CustomerKey, Customer | null, string>,
): DataLoader<CustomerKey, StateResult, string> {
  return new DataLoader<CustomerKey, StateResult, string>(
    tracedBatch('state', (keys) =>
      Promise.all(
        keys.map(async (key): Promise<StateResult | Error> => {
          try {
            const provider = environment.directory.get(key.provider);
            if (provider.state === undefined) return { state: emptyState(), customer: null };
            const result = await provider.state.get(key.id, environment.calls);
            if (result.customer !== null) byId.prime(key, result.customer);
            return result;
          } catch (error) {
            return error as Error;
          }
        }),
      )),
    { cacheKeyFn: formatGlobalId },
  );
}

/**
 * Entitlements: the provider's own endpoint, or taken from the state call when the provider returns them there
 * (so state and entitlements of one customer cost one call), or none.
 */
export function createEntitlementsLoader(
  environment: LoaderEnvironment,
  state: DataLoader<CustomerKey, StateResult, string>,
): DataLoader<CustomerKey, EntitlementsResult, string> {
  return new DataLoader<CustomerKey, EntitlementsResult, string>(
    tracedBatch('entitlements', (keys) =>
      Promise.all(
        keys.map(async (key): Promise<EntitlementsResult | Error> => {
          try {
            const provider = environment.directory.get(key.provider);
            if (provider.entitlements !== undefined) return await provider.entitlements.get(key.id, environment.calls);
            if (provider.state !== undefined) {
              const result = await state.load(key);
              return { entitlements: result.state.entitlements, accessDeniedReason: result.state.accessDeniedReason };
            }
            return { entitlements: [], accessDeniedReason: null };
          } catch (error) {
            return error as Error;
          }
        }),
      )),
    { cacheKeyFn: formatGlobalId },
  );
}
