import type { CustomerChangeKind } from '../providers/kit/webhooks';
import type {
  BatchRead,
  CallOptions,
  Customer,
  CustomerProvider,
  CustomerTarget,
  CustomerWrites,
  DeleteOptions,
  EntitlementReads,
  ExternalIdLookup,
  StateReads,
  WriteOptions,
} from '../providers/spec/provider';
import type { CacheEntry, CachedValues, EntryKind, ReadCache } from './read-cache';

/** A write through the gateway: the cache has dropped the customer, and the change is announced. */
export type OwnWriteListener = (change: { provider: string; kind: CustomerChangeKind; customerId: string; customer: Customer | null }) => Promise<void>;

/**
 * `read`: cached answers are served and fresh ones stored. `refresh`: every read asks the provider (a caller sent
 * `Cache-Control: no-cache`, or a write is about to merge into what it reads) and stores the answer.
 */
export type CacheMode = 'read' | 'refresh';

/**
 * The read cache between loaders and an adapter: the same interface, so loaders do not know it is there. Reads of
 * customers, states, entitlements and list pages are served from the cache while fresh; a list read from the provider
 * also refreshes the customers it returns; entitlement checks always ask (a check with `requestedUsage` must count).
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
    const [id] = await cache.read(name, 'external', [target.externalId]);
    return id ?? null;
  };
  const externalOf = (target: CustomerTarget) => (target.kind === 'externalId' ? target.externalId : null);

  const { customers, state, entitlements, writes } = provider;

  /** One id read through the cache: a fresh copy is served, else the provider is asked and `entriesOf` its answer stored. */
  const readThrough = async <K extends EntryKind, T extends CachedValues[K] | null>(
    kind: K,
    id: string,
    load: () => Promise<T>,
    entriesOf: (value: T) => CacheEntry[],
  ): Promise<T> => {
    if (serve) {
      const [hit] = (await cache.read(name, kind, [id])) as (T | undefined)[];
      if (hit !== undefined) return hit;
    }
    const started = Date.now();
    const value = await load();
    const entries = entriesOf(value);
    if (entries.length > 0) await cache.fill(name, entries, started);
    return value;
  };

  const byId = (id: string, options?: CallOptions): Promise<Customer | null> =>
    readThrough('customer', id, async () => stamp(await customers.get(id, options)), (customer) => (customer === null ? [] : [customerEntry(customer)]));

  const many = (batch: BatchRead): BatchRead => ({
    maxIds: batch.maxIds,
    get: async (ids, options) => {
      const hits = serve ? await cache.read(name, 'customer', ids) : ids.map(() => undefined);
      const found = hits.filter((hit): hit is Customer => hit !== undefined);
      const missing = ids.filter((_id, index) => hits[index] === undefined);
      if (missing.length === 0) return found;
      const started = Date.now();
      const at = new Date();
      const fetched = (await batch.get(missing, options)).map((customer) => stamp(customer, at));
      await cache.fill(name, fetched.map(customerEntry), started);
      return [...found, ...fetched];
    },
  });

  const byExternalId = (lookup: ExternalIdLookup): ExternalIdLookup => {
    if (lookup.kind !== 'native') return lookup;
    return {
      kind: 'native',
      get: async (externalId, options) => {
        if (serve) {
          const [id] = await cache.read(name, 'external', [externalId]);
          if (id !== undefined) {
            const [hit] = await cache.read(name, 'customer', [id]);
            // The pointer may have outlived a change of external ID: trust only a matching customer.
            if (hit !== undefined && hit.externalId === externalId) return hit;
          }
        }
        const started = Date.now();
        const customer = stamp(await lookup.get(externalId, options));
        if (customer !== null) {
          const pointer = { kind: 'external' as const, id: externalId, value: customer.providerId, customerId: customer.providerId };
          await cache.fill(name, [customerEntry(customer), pointer], started);
        }
        return customer;
      },
    };
  };

  const cachedState = (reads: StateReads): StateReads => ({
    get: (id, options) =>
      readThrough(
        'state',
        id,
        async () => {
          const result = await reads.get(id, options);
          return { ...result, customer: stamp(result.customer) };
        },
        // The customer is stored once, as its own entry: a state served from the cache comes without it, and the
        // customer's own read is a cache hit too.
        (fresh) => [{ kind: 'state', id, value: { state: fresh.state, customer: null }, customerId: id }, ...(fresh.customer === null ? [] : [customerEntry(fresh.customer)])],
      ),
  });

  const cachedEntitlements = (reads: EntitlementReads): EntitlementReads => ({
    get: (id, options) =>
      readThrough('entitlements', id, () => reads.get(id, options), (result) => [{ kind: 'entitlements', id, value: result, customerId: id }]),
    ...(reads.check === undefined ? {} : { check: reads.check }),
  });

  return {
    name,
    displayName: provider.displayName,
    limits: provider.limits,
    nativeIdPattern: provider.nativeIdPattern,
    customers: {
      get: byId,
      ...(customers.batch === undefined ? {} : { batch: many(customers.batch) }),
      byExternalId: byExternalId(customers.byExternalId),
      async list(request, options) {
        if (serve) {
          const hit = await cache.readList(name, request);
          if (hit !== undefined) return hit;
        }
        const started = Date.now();
        const page = await customers.list(request, options);
        const at = new Date();
        const listed = { ...page, customers: page.customers.map((customer) => stamp(customer, at)) };
        // Asked for fresh data (`Cache-Control: no-cache`), every row is stored; otherwise each at most once a second.
        await Promise.all([cache.fill(name, listed.customers.map(customerEntry), started, { listed: serve }), cache.fillList(name, request, listed, started)]);
        return listed;
      },
    },
    ...(state === undefined ? {} : { state: cachedState(state) }),
    ...(entitlements === undefined ? {} : { entitlements: cachedEntitlements(entitlements) }),
    ...(writes === undefined ? {} : { writes: cachedWrites(writes) }),
  };

  function cachedWrites(inner: CustomerWrites): CustomerWrites {
    const { create, findCreated, update, updateByExternalId, delete: remove, deleteByExternalId, archive, unarchive, syncPaymentMethods } = inner;
    const updated = async (customer: Customer, target: CustomerTarget, options?: WriteOptions) => {
      // The old external ID's pointer goes too, when the update changed it.
      await written('UPDATED', customer, null, [externalOf(target), options?.current?.externalId]);
      return customer;
    };
    const deleted = async (customer: Customer | null, target: CustomerTarget, id: string | null, options?: DeleteOptions) => {
      await written('DELETED', customer, id ?? options?.current?.providerId ?? null, [externalOf(target), options?.current?.externalId]);
      return customer;
    };
    const lifecycle = async (customer: Customer, id: string) => {
      await written('UPDATED', customer, id, []);
      return customer;
    };
    return {
      ...(create === undefined
        ? {}
        : {
            create: async (changes, options) => {
              const customer = stamp(await create(changes, options));
              await written('CREATED', customer, null, []);
              return customer;
            },
          }),
      ...(findCreated === undefined
        ? {}
        : {
            // Reconciliation after a lost answer: never served from the cache, and a record it finds is a create announced late.
            findCreated: async (key, options) => {
              const customer = await findCreated(key, options);
              if (customer !== null) await written('CREATED', stamp(customer), null, []);
              return customer === null ? null : stamp(customer);
            },
          }),
      ...(update === undefined ? {} : { update: async (id, changes, options) => updated(stamp(await update(id, changes, options)), { kind: 'id', id }, options) }),
      ...(updateByExternalId === undefined
        ? {}
        : { updateByExternalId: async (externalId, changes, options) => updated(stamp(await updateByExternalId(externalId, changes, options)), { kind: 'externalId', externalId }, options) }),
      ...(remove === undefined ? {} : { delete: async (id, options) => deleted(await remove(id, options), { kind: 'id', id }, id, options) }),
      ...(deleteByExternalId === undefined
        ? {}
        : {
            deleteByExternalId: async (externalId, options) => {
              const target: CustomerTarget = { kind: 'externalId', externalId };
              const id = await knownId(target);
              return deleted(await deleteByExternalId(externalId, options), target, id, options);
            },
          }),
      ...(archive === undefined ? {} : { archive: async (id, options) => lifecycle(stamp(await archive(id, options)), id) }),
      ...(unarchive === undefined ? {} : { unarchive: async (id, options) => lifecycle(stamp(await unarchive(id, options)), id) }),
      ...(syncPaymentMethods === undefined
        ? {}
        : {
            syncPaymentMethods: async (target, options) => {
              await syncPaymentMethods(target, options);
              await written('STATE_CHANGED', null, (await knownId(target)) ?? options?.current?.providerId ?? null, [externalOf(target)]);
            },
          }),
    };
  }
}
