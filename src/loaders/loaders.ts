import type DataLoader from 'dataloader';
import { emptyState } from '../providers/kit/empty-state';
import type { Customer, CustomerState } from '../providers/spec/provider';
import type { CustomerKey } from '../routing/global-id';
import { createCustomerLoader, createExternalIdLoader, type ExternalKey } from './customer-loaders';
import type { LoaderEnvironment } from './environment';
import { createEntitlementsLoader, createStateLoader, type EntitlementsResult, type StateResult } from './state-loaders';

/** Per-request loaders. Built fresh for every request, so nothing leaks between callers. */
export interface Loaders {
  customer: DataLoader<CustomerKey, Customer | null, string>;
  customerByExternalId: DataLoader<ExternalKey, Customer | null, string>;
  state: DataLoader<CustomerKey, StateResult, string>;
  entitlements: DataLoader<CustomerKey, EntitlementsResult, string>;
  /** Remembers a customer read some other way (a list page, a write) so it is not fetched again. */
  learn(customer: Customer): void;
  /** Drops everything cached about a customer after a write, so later fields read the new data. */
  forget(key: CustomerKey): void;
  /** The customer's state: what came in its payload, plus the provider's state and entitlement calls where it has them. */
  customerState(customer: Customer): Promise<CustomerState>;
}

export function createLoaders(environment: LoaderEnvironment): Loaders {
  const customer = createCustomerLoader(environment);
  const customerByExternalId = createExternalIdLoader(environment, customer);
  const state = createStateLoader(environment, customer);
  const entitlements = createEntitlementsLoader(environment, state);
  // A customer's `state` and `entitlements` fields both read the merged state: merge it once per record.
  let mergedStates = new WeakMap<Customer, Promise<CustomerState>>();

  return {
    customer,
    customerByExternalId,
    state,
    entitlements,
    learn(record) {
      const key = { provider: record.provider, id: record.providerId };
      // A by-id batch waiting on a list in flight takes its customer from here instead of fetching it.
      environment.listings.record(record);
      customer.clear(key).prime(key, record);
      if (record.externalId !== null) {
        customerByExternalId.clear({ provider: record.provider, externalId: record.externalId }).prime({ provider: record.provider, externalId: record.externalId }, record);
      }
    },
    forget(key) {
      customer.clear(key);
      state.clear(key);
      entitlements.clear(key);
      // External-ID entries may point at the old payload; they are cheap to drop all at once.
      customerByExternalId.clearAll();
      mergedStates = new WeakMap();
    },
    customerState(record) {
      let pending = mergedStates.get(record);
      if (pending === undefined) {
        pending = mergedState(environment, state, entitlements, record);
        mergedStates.set(record, pending);
      }
      return pending;
    },
  };
}

async function mergedState(
  environment: LoaderEnvironment,
  state: Loaders['state'],
  entitlements: Loaders['entitlements'],
  record: Customer,
): Promise<CustomerState> {
  const key = { provider: record.provider, id: record.providerId };
  const provider = environment.directory.get(record.provider);
  const merged: CustomerState = { ...emptyState(), ...record.embeddedState };
  const [stateResult, entitlementResult] = await Promise.all([
    provider.state !== undefined ? state.load(key) : null,
    provider.entitlements !== undefined ? entitlements.load(key) : null,
  ]);
  if (stateResult !== null) {
    const fetched = stateResult.state;
    merged.subscriptions = [...merged.subscriptions, ...fetched.subscriptions];
    merged.entitlements = [...merged.entitlements, ...fetched.entitlements];
    merged.meters = [...merged.meters, ...fetched.meters];
    merged.paymentMethods = [...merged.paymentMethods, ...fetched.paymentMethods];
    merged.balance = merged.balance ?? fetched.balance;
    merged.verification = merged.verification ?? fetched.verification;
    merged.accessDeniedReason = merged.accessDeniedReason ?? fetched.accessDeniedReason;
  }
  if (entitlementResult !== null) {
    merged.entitlements = [...merged.entitlements, ...entitlementResult.entitlements];
    merged.accessDeniedReason = merged.accessDeniedReason ?? entitlementResult.accessDeniedReason;
  }
  return merged;
}
