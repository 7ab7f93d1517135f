import type { Customer, CustomerState, Entitlement, EntitlementsResult, ListPage, StateResult, Subscription } from '../providers/spec/provider';

/** What each kind of cache entry holds. */
export interface CachedValues {
  customer: Customer;
  state: StateResult;
  entitlements: EntitlementsResult;
  /** An external ID's native id, at providers that look external IDs up natively. */
  external: string;
  /** A page of a provider's list, with when the read that got it began (a change since then voids it). */
  list: CachedList;
}

export interface CachedList {
  startedAt: number;
  page: ListPage;
}

export type CachedKind = keyof CachedValues;

/**
 * Cached values are strings (the state port stores strings, in memory or Redis), written by plain `JSON.stringify`:
 * a `Date` becomes its ISO string. Reading one back parses it and turns the known date fields of the domain types
 * back into `Date`s. Both run on every cached read and every fill (a page of 20 customers fills 20 entries), so
 * neither walks the value key by key: a replacer or reviver function made the codec a third of the gateway's CPU
 * on cached pages (`JSON.parse` with a reviver cost 28 µs per Polar state entry, without one and with the fields
 * below revived, a fraction of that; see `test/bench/cache-codec.ts`).
 */
export function encodeCached(value: CachedValues[CachedKind]): string {
  return JSON.stringify(value);
}

export function decodeCached<K extends CachedKind>(kind: K, text: string): CachedValues[K] {
  const value = JSON.parse(text) as CachedValues[K];
  switch (kind) {
    case 'customer':
      reviveCustomer(value as Customer);
      break;
    case 'state': {
      const result = value as StateResult;
      reviveState(result.state);
      if (result.customer !== null) reviveCustomer(result.customer);
      break;
    }
    case 'entitlements':
      for (const entitlement of (value as EntitlementsResult).entitlements) revive(entitlement, ENTITLEMENT_DATES);
      break;
    case 'list':
      for (const customer of (value as CachedList).page.customers) reviveCustomer(customer);
      break;
  }
  return value;
}

/** The keys of `T` whose value may be a `Date`. */
type DateKeys<T> = { [K in keyof T]-?: Date extends NonNullable<T[K]> ? K : never }[keyof T];

// Each list must name exactly the date fields of its type (`satisfies` refuses a missing or unknown key), so a date
// field added to the domain types does not compile until it is revived here. The other domain types (Meter,
// PaymentMethod, Money, Address) hold no dates; `test/graph/read-cache.test.ts` round-trips every provider's values.
const CUSTOMER_DATES = { createdAt: true, updatedAt: true, fetchedAt: true } satisfies Record<DateKeys<Customer>, true>;
const SUBSCRIPTION_DATES = { currentPeriodStart: true, currentPeriodEnd: true, startedAt: true } satisfies Record<DateKeys<Subscription>, true>;
const ENTITLEMENT_DATES = { resetsAt: true, validUntil: true } satisfies Record<DateKeys<Entitlement>, true>;
type NoDates = DateKeys<CustomerState> | DateKeys<StateResult> | DateKeys<EntitlementsResult> | DateKeys<ListPage> | DateKeys<CachedList>;
const stateHoldsNoDatesOfItsOwn: [NoDates] extends [never] ? true : never = true;
void stateHoldsNoDatesOfItsOwn;

function revive(record: object, fields: Record<string, true>): void {
  const target = record as Record<string, unknown>;
  for (const field in fields) {
    const text = target[field];
    if (typeof text === 'string') target[field] = new Date(text);
  }
}

function reviveState(state: Partial<CustomerState>): void {
  for (const subscription of state.subscriptions ?? []) revive(subscription, SUBSCRIPTION_DATES);
  for (const entitlement of state.entitlements ?? []) revive(entitlement, ENTITLEMENT_DATES);
}

function reviveCustomer(customer: Customer): void {
  revive(customer, CUSTOMER_DATES);
  if (customer.embeddedState !== null) reviveState(customer.embeddedState);
}
