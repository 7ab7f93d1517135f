import type { CustomerState } from '../spec/provider';

/** A state with nothing in it: each provider fills in what it knows. */
export function emptyState(): CustomerState {
  return {
    subscriptions: [],
    entitlements: [],
    meters: [],
    balance: null,
    paymentMethods: [],
    verification: null,
    accessDeniedReason: null,
  };
}
