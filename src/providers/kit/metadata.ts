import { ProviderError } from '../spec/errors';
import type { Customer, CustomerProvider, CustomerTarget, JsonObject, WriteOptions } from '../spec/provider';

/**
 * The gateway's metadata rule, for providers whose API replaces the whole map: start from the current map,
 * write each key given a value, remove each key given null, keep the rest. `null` for the whole patch clears it.
 */
export function mergeMetadata(current: JsonObject, patch: JsonObject | null): JsonObject {
  if (patch === null) return {};
  const merged: JsonObject = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/**
 * The customer a read-merge-write starts from, for providers whose API replaces the whole metadata map: the
 * caller's copy when it has one, else read now (by id, or natively by external ID); NOT_FOUND when there is none.
 */
export async function currentCustomer(provider: CustomerProvider, target: CustomerTarget, options?: WriteOptions): Promise<Customer> {
  if (options?.current !== undefined) return options.current;
  const lookup = provider.customers.byExternalId;
  const customer =
    target.kind === 'id' ? await provider.customers.get(target.id, options) : lookup.kind === 'native' ? await lookup.get(target.externalId, options) : null;
  if (customer !== null) return customer;
  const which = target.kind === 'id' ? target.id : `with external ID ${target.externalId}`;
  throw new ProviderError({ provider: provider.name, code: 'NOT_FOUND', status: 404, message: `${provider.displayName} has no customer ${which}`, retryable: false });
}
