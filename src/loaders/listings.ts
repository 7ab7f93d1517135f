import type { Customer } from '../providers/spec/provider';
import { formatGlobalId, type CustomerKey } from '../routing/global-id';

/**
 * List pages in flight in this request. GraphQL resolves root fields side by side, so `customers` and `nodes`
 * in one query start together; the by-id loader waits for a list of the same provider and takes what it
 * returned, instead of fetching those customers a second time.
 */
export class Listings {
  private readonly pending = new Map<string, Set<Promise<unknown>>>();
  private readonly seen = new Map<string, Customer>();

  track<T>(provider: string, page: Promise<T>): Promise<T> {
    const set = this.pending.get(provider) ?? new Set<Promise<unknown>>();
    this.pending.set(provider, set);
    const settled = page.then(
      () => undefined,
      () => undefined,
    );
    set.add(settled);
    void settled.then(() => set.delete(settled));
    return page;
  }

  record(customer: Customer): void {
    this.seen.set(formatGlobalId({ provider: customer.provider, id: customer.providerId }), customer);
  }

  /** Waits for this provider's lists in flight, then returns what they listed of the keys. */
  async listed(provider: string, keys: readonly CustomerKey[]): Promise<Map<string, Customer>> {
    const set = this.pending.get(provider);
    if (set !== undefined && set.size > 0) await Promise.all(set);
    const found = new Map<string, Customer>();
    for (const key of keys) {
      const customer = this.seen.get(formatGlobalId(key));
      if (customer !== undefined) found.set(formatGlobalId(key), customer);
    }
    return found;
  }
}
