import { compareCustomers, comparePositions, MUTABLE_SORT_FIELDS, positionOf, sortSpec, type SortKey, type SortPosition } from './synctera-sort';
import type { SyncteraCustomer } from './synctera-types';

const MAX_CACHED_ORDERS = 8;

/**
 * The customers in memory. Records are never mutated: a write stores a new object, so a response (or a cached
 * idempotent replay) that still holds the old one is unaffected.
 *
 * Orders are built lazily per `sort_by` and cached. A create is inserted into every cached order by binary
 * search; an update drops only the orders built on a field it can change (names, `last_updated_time`), so the
 * common `creation_time` orders survive every write.
 */
export class SyncteraCustomerStore {
  private readonly byId = new Map<string, SyncteraCustomer>();
  /** Lower-cased email → ids, for the duplicate rule on create. */
  private readonly byEmail = new Map<string, Set<string>>();
  private readonly orders = new Map<string, { sort: readonly SortKey[]; ids: string[] }>();

  constructor(customers: readonly SyncteraCustomer[]) {
    // Seed records are built in alphabetical key order already.
    for (const customer of customers) {
      this.byId.set(customer.id, customer);
      this.indexEmail(customer, 'add');
    }
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): SyncteraCustomer | undefined {
    return this.byId.get(id);
  }

  emailTaken(email: string): boolean {
    return (this.byEmail.get(email.toLowerCase())?.size ?? 0) > 0;
  }

  /** Stores a new customer; returns the stored record, the one to answer with. */
  insert(created: SyncteraCustomer): SyncteraCustomer {
    const customer = alphabetical(created);
    this.byId.set(customer.id, customer);
    this.indexEmail(customer, 'add');
    for (const order of this.orders.values()) {
      const index = this.firstAfter(order.ids, order.sort, positionOf(customer, order.sort));
      order.ids.splice(index, 0, customer.id);
    }
    return customer;
  }

  /** Stores a new version of a customer; returns the stored record. */
  replace(updated: SyncteraCustomer): SyncteraCustomer {
    const customer = alphabetical(updated);
    const previous = this.byId.get(customer.id);
    if (previous !== undefined) this.indexEmail(previous, 'remove');
    this.byId.set(customer.id, customer);
    this.indexEmail(customer, 'add');
    for (const [spec, order] of this.orders) {
      if (order.sort.some((key) => MUTABLE_SORT_FIELDS.has(key.field))) this.orders.delete(spec);
    }
    return customer;
  }

  /** All ids in the given order (cached until a write invalidates it). Do not modify the array. */
  ordered(sort: readonly SortKey[]): readonly string[] {
    const spec = sortSpec(sort);
    let order = this.orders.get(spec);
    if (order === undefined) {
      const customers = [...this.byId.values()].sort((left, right) => compareCustomers(left, right, sort));
      order = { sort, ids: customers.map((customer) => customer.id) };
      // `sort_by` combinations are the caller's to invent; keep only the most recent few orders.
      if (this.orders.size >= MAX_CACHED_ORDERS) this.orders.delete(this.orders.keys().next().value as string);
      this.orders.set(spec, order);
    }
    return order.ids;
  }

  /** The index of the first id in `ids` (sorted by `sort`) whose position comes after `position`. */
  firstAfter(ids: readonly string[], sort: readonly SortKey[], position: SortPosition): number {
    let low = 0;
    let high = ids.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const customer = this.byId.get(ids[middle] as string) as SyncteraCustomer;
      if (comparePositions(positionOf(customer, sort), position, sort) <= 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private indexEmail(customer: SyncteraCustomer, action: 'add' | 'remove'): void {
    if (customer.email === undefined) return;
    const key = customer.email.toLowerCase();
    let ids = this.byEmail.get(key);
    if (ids === undefined) {
      if (action === 'remove') return;
      ids = new Set();
      this.byEmail.set(key, ids);
    }
    if (action === 'add') ids.add(customer.id);
    else ids.delete(customer.id);
  }
}

/** Synctera's Go structs marshal their fields alphabetically (as in the spec's examples); records follow suit. */
function alphabetical<T extends object>(value: T): T {
  const entries = Object.entries(value).sort(([left], [right]) => (left < right ? -1 : 1));
  return Object.fromEntries(
    entries.map(([key, member]) => [key, Array.isArray(member) ? member.map((item: object) => alphabetical(item)) : isAddress(member) ? alphabetical(member) : member]),
  ) as T;
}

function isAddress(value: unknown): value is object {
  return typeof value === 'object' && value !== null && 'address_line_1' in value;
}
