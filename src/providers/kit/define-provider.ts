import { ProviderError } from '../spec/errors';
import type { CallOptions, Customer, CustomerChanges, CustomerProvider, CustomerReads, CustomerWrites, ListRequest } from '../spec/provider';
import { changeProblem } from './limits';

/**
 * Every adapter goes through this: it applies the provider's limits once for all, so an adapter holds only what
 * is particular to its API.
 * - reads of one customer: an empty id is null without a call; a 404 (or one of `limits.absentStatuses`, for an id
 *   the provider cannot parse) is null, not an error;
 * - many-ids reads: ids de-duplicated and sent in chunks of `maxIds`; none, no call;
 * - lists: a filter the provider lacks is UNSUPPORTED naming it, never ignored; the page size is clamped to
 *   `maxPageSize` (`defaultPageSize` when the request has no usable one);
 * - create and update: a field the provider cannot store, a provider field it does not accept, a broken input
 *   rule or the external ID's metadata key is refused as VALIDATION naming the field, before any call;
 * - every write: an answer the adapter cannot read (MALFORMED_RESPONSE) has an unknown outcome.
 * Retries, the breaker and reconciliation sit below and above it (`resilience.ts`, `breaker.ts`, `findCreated`).
 */
export function defineProvider(adapter: CustomerProvider): CustomerProvider {
  const { limits } = adapter;
  const absent = (error: unknown): boolean =>
    error instanceof ProviderError && (error.code === 'NOT_FOUND' || error.status === 404 || (error.status !== null && (limits.absentStatuses ?? []).includes(error.status)));
  const readOne =
    (read: (key: string, options?: CallOptions) => Promise<Customer | null>) =>
    async (key: string, options?: CallOptions): Promise<Customer | null> => {
      if (key.trim() === '') return null;
      try {
        return await read(key, options);
      } catch (error) {
        if (absent(error)) return null;
        throw error;
      }
    };
  const { customers } = adapter;
  const batch = customers.batch;
  const lookup = customers.byExternalId;
  const reads: CustomerReads = {
    get: readOne(customers.get),
    byExternalId: lookup.kind === 'native' ? { kind: 'native', get: readOne(lookup.get) } : lookup,
    // Async, so a refused filter is a rejected promise like every other failure.
    list: async (request, options) => {
      checkFilters(adapter, request);
      return customers.list({ ...request, limit: pageSize(adapter, request.limit) }, options);
    },
    ...(batch === undefined
      ? {}
      : {
          batch: {
            maxIds: batch.maxIds,
            get: async (ids, options) => {
              const wanted = [...new Set(ids)];
              const found: Customer[] = [];
              for (let start = 0; start < wanted.length; start += batch.maxIds) found.push(...(await batch.get(wanted.slice(start, start + batch.maxIds), options)));
              return found;
            },
          },
        }),
  };
  return { ...adapter, customers: reads, ...(adapter.writes === undefined ? {} : { writes: checkedWrites(adapter, adapter.writes) }) };
}

function checkedWrites(provider: CustomerProvider, writes: CustomerWrites): CustomerWrites {
  const check = (write: 'create' | 'update', changes: CustomerChanges): void => {
    const problem = changeProblem(provider, write, changes);
    if (problem !== null) throw new ProviderError({ provider: provider.name, code: 'VALIDATION', message: problem.message, field: problem.field, retryable: false });
  };
  // Each write is async, so a refusal is a rejected promise like every other failure, and an answer it could not
  // read says the outcome is unknown (see `malformed` in payload.ts).
  const answered =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>, before?: (...args: A) => void) =>
    async (...args: A): Promise<R> => {
      before?.(...args);
      try {
        return await write(...args);
      } catch (error) {
        throw unreadableWrite(error);
      }
    };
  const { create, findCreated, update, updateByExternalId, delete: remove, deleteByExternalId, archive, unarchive, syncPaymentMethods } = writes;
  const checked: CustomerWrites = {
    create: create && answered(create, (changes) => check('create', changes)),
    findCreated,
    update: update && answered(update, (_id, changes) => check('update', changes)),
    updateByExternalId: updateByExternalId && answered(updateByExternalId, (_externalId, changes) => check('update', changes)),
    delete: remove && answered(remove),
    deleteByExternalId: deleteByExternalId && answered(deleteByExternalId),
    archive: archive && answered(archive),
    unarchive: unarchive && answered(unarchive),
    syncPaymentMethods: syncPaymentMethods && answered(syncPaymentMethods),
  };
  // Only the operations the adapter has: an absent one stays absent, not a key holding undefined.
  return Object.fromEntries(Object.entries(checked).filter(([, method]) => method !== undefined)) as CustomerWrites;
}

/** A write the provider answered (2xx) with a body the adapter cannot read: it may well have landed. */
function unreadableWrite(error: unknown): unknown {
  if (!(error instanceof ProviderError) || error.code !== 'MALFORMED_RESPONSE' || error.outcomeUnknown) return error;
  const { provider, code, message, status, providerCode, retryable, retryAfterMs, field } = error;
  return new ProviderError({ provider, code, message, status, providerCode, retryable, retryAfterMs, field, outcomeUnknown: true, cause: error });
}

/** A filter the provider cannot apply is an error, never ignored (the gateway promises that). */
function checkFilters(provider: CustomerProvider, request: ListRequest): void {
  for (const [field, value] of Object.entries(request.filter)) {
    if (value === undefined || value === null) continue;
    if (!(provider.limits.listFilters as readonly string[]).includes(field)) {
      throw new ProviderError({ provider: provider.name, code: 'UNSUPPORTED', message: `${provider.displayName} cannot filter customers by ${field}`, field, retryable: false });
    }
  }
}

function pageSize(provider: CustomerProvider, limit: number): number {
  const { maxPageSize, defaultPageSize } = provider.limits;
  return Number.isFinite(limit) ? Math.min(Math.max(Math.trunc(limit), 1), maxPageSize) : (defaultPageSize ?? maxPageSize);
}
