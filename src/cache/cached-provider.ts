import type { CustomerChangeKind } from '../providers/kit/webhooks';
import type { Customer, CustomerProvider, CustomerState, CustomerTarget, Entitlement } from '../providers/spec/provider';
import type { ReadCache } from './read-cache';

type StateResult = { state: CustomerState; customer: Customer | null };
type EntitlementsResult = { entitlements: Entitlement[]; accessDeniedReason: string | null };

/** A write through the gateway: the cache has dropped the customer, and the change is announced. */
export type OwnWriteListener = (change: { provider: string; kind: CustomerChangeKind; customerId: string; customer: Customer | null }) => Promise<void>;

/**
 * `read`: cached answers are served and fresh ones stored. `refresh`: every read asks the provider (a caller sent
 * `Cache-Control: no-cache`, or a write is about to merge into what it reads) and stores the answer.
 */
export type CacheMode = 'read' | 'refresh';

/**
 * The read cache between loaders and an adapter: the same interface, so loaders do not know it is there. Reads of
 * customers, states and entitlements are served from the cache while fresh; lists always ask the provider and
 * refresh the customers they return; entitlement checks always ask (a check with `requestedUsage` must count).
 * Every customer read from the provider carries `fetchedAt`. Writes pass through, then drop the customer's
 * entries and announce the change.
 */
export function cachedProvider(
  provider: CustomerProvider,
  cache: ReadCache,
  mode: CacheMode,
  onWrite: OwnWriteListener,
  onError: (error: unknown) => void,
): CustomerProvider {
  const name = provider.name;
  const serve = mode === 'read';
  // In place: the adapter built this customer for this call alone, and a spread would read (build) every lazy field.
  const stamp = <T extends Customer | null>(customer: T, at = new Date()): T => {
    if (customer !== null) (customer as Customer).fetchedAt = at;
    return customer;
  };
  const customerEntry = (customer: Customer) => ({ kind: 'customer' as const, id: customer.providerId, value: customer, customerId: customer.providerId });

  const written = async (kind: CustomerChangeKind, customer: Customer | null, customerId: string | null, externalIds: (string | null | undefined)[]) => {
    const id = customer?.providerId ?? customerId;
    if (id === null) return;
    const externals = [...new Set([customer?.externalId, ...externalIds].filter((value): value is string => typeof value === 'string' && value !== ''))];
    // The write has happened: its caller gets its result whatever becomes of the cache and the announcement
    // (a cached copy then lives out its TTL).
    try {
      await cache.drop(name, id, externals);
    } catch (error) {
      onError(error);
    }
    try {
      await onWrite({ provider: name, kind, customerId: id, customer });
    } catch (error) {
      onError(error);
    }
  };
  /** The id behind an external-ID target, from the cache, so a delete by external ID drops the right entries. */
  const knownId = async (target: CustomerTarget): Promise<string | null> => {
    if (target.kind === 'id') return target.id;
    const [id] = await cache.read<string>(name, 'external', [target.externalId]);
    return id ?? null;
  };
  const externalOf = (target: CustomerTarget) => (target.kind === 'externalId' ? target.externalId : null);

  const wrapped: CustomerProvider = {
    name,
    displayName: provider.displayName,
    capabilities: provider.capabilities,
    nativeIdPattern: provider.nativeIdPattern,

    async getCustomer(id, options) {
      if (serve) {
        const [hit] = await cache.read<Customer>(name, 'customer', [id]);
        if (hit !== undefined) return hit;
      }
      const started = Date.now();
      const customer = stamp(await provider.getCustomer(id, options));
      if (customer !== null) await cache.fill(name, [customerEntry(customer)], started);
      return customer;
    },

    async listCustomers(request, options) {
      const started = Date.now();
      const page = await provider.listCustomers(request, options);
      const at = new Date();
      const customers = page.customers.map((customer) => stamp(customer, at));
      await cache.fill(name, customers.map(customerEntry), started);
      return { ...page, customers };
    },
  };

  if (provider.getCustomers !== undefined) {
    const getCustomers = provider.getCustomers.bind(provider);
    wrapped.getCustomers = async (ids, options) => {
      const hits = serve ? await cache.read<Customer>(name, 'customer', ids) : ids.map(() => undefined);
      const found = hits.filter((hit): hit is Customer => hit !== undefined);
      const missing = ids.filter((_id, index) => hits[index] === undefined);
      if (missing.length === 0) return found;
      const started = Date.now();
      const at = new Date();
      const fetched = (await getCustomers(missing, options)).map((customer) => stamp(customer, at));
      await cache.fill(name, fetched.map(customerEntry), started);
      return [...found, ...fetched];
    };
  }

  if (provider.getCustomerByExternalId !== undefined) {
    const byExternalId = provider.getCustomerByExternalId.bind(provider);
    wrapped.getCustomerByExternalId = async (externalId, options) => {
      if (serve) {
        const [id] = await cache.read<string>(name, 'external', [externalId]);
        if (id !== undefined) {
          const [hit] = await cache.read<Customer>(name, 'customer', [id]);
          // The pointer may have outlived a change of external ID: trust only a matching customer.
          if (hit !== undefined && hit.externalId === externalId) return hit;
        }
      }
      const started = Date.now();
      const customer = stamp(await byExternalId(externalId, options));
      if (customer !== null) {
        const pointer = { kind: 'external' as const, id: externalId, value: customer.providerId, customerId: customer.providerId };
        await cache.fill(name, [customerEntry(customer), pointer], started);
      }
      return customer;
    };
  }

  if (provider.getState !== undefined) {
    const getState = provider.getState.bind(provider);
    wrapped.getState = async (id, options) => {
      if (serve) {
        const [hit] = await cache.read<StateResult>(name, 'state', [id]);
        if (hit !== undefined) return hit;
      }
      const started = Date.now();
      const result = await getState(id, options);
      const fresh = { ...result, customer: stamp(result.customer) };
      const entries = [{ kind: 'state' as const, id, value: fresh, customerId: id }, ...(fresh.customer === null ? [] : [customerEntry(fresh.customer)])];
      await cache.fill(name, entries, started);
      return fresh;
    };
  }

  if (provider.getEntitlements !== undefined) {
    const getEntitlements = provider.getEntitlements.bind(provider);
    wrapped.getEntitlements = async (id, options) => {
      if (serve) {
        const [hit] = await cache.read<EntitlementsResult>(name, 'entitlements', [id]);
        if (hit !== undefined) return hit;
      }
      const started = Date.now();
      const result = await getEntitlements(id, options);
      await cache.fill(name, [{ kind: 'entitlements', id, value: result, customerId: id }], started);
      return result;
    };
  }

  if (provider.checkEntitlement !== undefined) wrapped.checkEntitlement = provider.checkEntitlement.bind(provider);

  if (provider.createCustomer !== undefined) {
    const create = provider.createCustomer.bind(provider);
    wrapped.createCustomer = async (changes, options) => {
      const customer = stamp(await create(changes, options));
      await written('CREATED', customer, null, []);
      return customer;
    };
  }
  if (provider.findCreated !== undefined) {
    // Reconciliation after a lost answer: never served from the cache, and a record it finds is a create announced late.
    const find = provider.findCreated.bind(provider);
    wrapped.findCreated = async (key, options) => {
      const customer = await find(key, options);
      if (customer !== null) await written('CREATED', stamp(customer), null, []);
      return customer === null ? null : stamp(customer);
    };
  }
  if (provider.updateCustomer !== undefined) {
    const update = provider.updateCustomer.bind(provider);
    wrapped.updateCustomer = async (target, changes, options) => {
      const customer = stamp(await update(target, changes, options));
      // The old external ID's pointer goes too, when the update changed it.
      await written('UPDATED', customer, null, [externalOf(target), options?.current?.externalId]);
      return customer;
    };
  }
  if (provider.deleteCustomer !== undefined) {
    const remove = provider.deleteCustomer.bind(provider);
    wrapped.deleteCustomer = async (target, options) => {
      const id = await knownId(target);
      const customer = await remove(target, options);
      await written('DELETED', customer, id ?? options?.current?.providerId ?? null, [externalOf(target), options?.current?.externalId]);
      return customer;
    };
  }
  if (provider.archiveCustomer !== undefined) {
    const archive = provider.archiveCustomer.bind(provider);
    wrapped.archiveCustomer = async (id, options) => {
      const customer = stamp(await archive(id, options));
      await written('UPDATED', customer, id, []);
      return customer;
    };
  }
  if (provider.unarchiveCustomer !== undefined) {
    const unarchive = provider.unarchiveCustomer.bind(provider);
    wrapped.unarchiveCustomer = async (id, options) => {
      const customer = stamp(await unarchive(id, options));
      await written('UPDATED', customer, id, []);
      return customer;
    };
  }
  if (provider.syncPaymentMethods !== undefined) {
    const sync = provider.syncPaymentMethods.bind(provider);
    wrapped.syncPaymentMethods = async (target, options) => {
      await sync(target, options);
      await written('STATE_CHANGED', null, (await knownId(target)) ?? options?.current?.providerId ?? null, [externalOf(target)]);
    };
  }
  return wrapped;
}

