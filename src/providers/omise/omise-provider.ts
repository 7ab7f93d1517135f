import { ProviderError } from '../spec/errors';
import { ProviderHttp, segment, type HttpTransport } from '../kit/http-client';
import { defineProvider } from '../kit/define-provider';
import { currentCustomer } from '../kit/metadata';
import type { CallOptions, Customer, CustomerChanges, CustomerProvider, JsonObject, ListPage, ListRequest, ProviderSettings, WriteOptions } from '../spec/provider';
import { OMISE_EXTERNAL_ID_KEY, omiseLimits } from './omise-capabilities';
import { parseOmiseError } from './omise-errors';
import { mapOmiseCustomer, omiseMalformed } from './omise-map';
import {
  decodeListCursor,
  decodeSearchCursor,
  encodeListCursor,
  encodeSearchCursor,
  listQuery,
  metadataBase,
  newestCreatedAt,
  omiseCustomerBody,
  searchQuery,
  touchesMetadata,
} from './omise-request';
import { hasWriteMarker, withWriteMarker } from '../write-marker';
import { isObject } from '../kit/payload';

/** How far back, and how many pages of 100, a reconciliation looks for a create whose answer was lost. */
const RECONCILE_WINDOW_MS = 3600_000;
const RECONCILE_PAGES = 10;

const NAME = 'omise';

/** The API version whose shapes the mapper reads; omise-go pins the same one. */
const OMISE_VERSION = '2019-05-29';

/**
 * The Omise adapter: customers by id (external ids resolve through the gateway's index), offset lists newest
 * first, text search through the Search API, and create, update (PATCH, metadata merged) and delete.
 */
export function createOmiseProvider(settings: ProviderSettings, transport: HttpTransport): CustomerProvider {
  const http = new ProviderHttp({
    provider: NAME,
    baseUrl: settings.baseUrl,
    // HTTP Basic with the secret key as the user name and no password, as the SDKs send it.
    headers: { authorization: `Basic ${Buffer.from(`${settings.apiKey}:`).toString('base64')}`, 'omise-version': OMISE_VERSION },
    parseError: parseOmiseError,
    // Every path this adapter calls, as telemetry names it.
    routes: ['/customers', '/customers/{customer_id}', '/search'],
    transport,
  });

  const provider: CustomerProvider = defineProvider({
    name: NAME,
    displayName: 'Omise',
    limits: omiseLimits,
    nativeIdPattern: /^cust(_test)?_[0-9a-z]+$/,

    customers: {
      get: async (id, options) => mapOmiseCustomer((await http.send({ method: 'GET', path: `/customers/${segment(id)}`, signal: options?.signal })).body),
      byExternalId: { kind: 'index', metadataKey: OMISE_EXTERNAL_ID_KEY },
      list(request: ListRequest, options?: CallOptions): Promise<ListPage> {
        const search = request.filter.search ?? '';
        return search.trim() === '' ? listPage(http, request, request.limit, options) : searchPage(http, request, search, request.limit, options);
      },
    },

    writes: {
      async create(changes: CustomerChanges, options?: WriteOptions): Promise<Customer> {
        const body = omiseCustomerBody(changes, 'create', null);
        // Omise ignores Idempotency-Key: the marker lets a retry find what a lost answer created.
        const metadata = withWriteMarker(body.metadata as JsonObject | undefined, options?.idempotencyKey);
        if (metadata !== undefined) body.metadata = metadata;
        const response = await http.send({ method: 'POST', path: '/customers', body, signal: options?.signal });
        return mapOmiseCustomer(response.body);
      },

      async findCreated(idempotencyKey: string, options?: CallOptions): Promise<Customer | null> {
        // Newest first over the reconciliation window: a retry after a lost answer comes within it.
        const createdAfter = new Date(Date.now() - RECONCILE_WINDOW_MS);
        const pageSize = omiseLimits.maxPageSize;
        let cursor: string | null = null;
        for (let page = 0; page < RECONCILE_PAGES; page++) {
          const result = await listPage(http, { limit: pageSize, cursor, filter: { createdAfter } }, pageSize, options);
          const found = result.customers.find((customer) => hasWriteMarker(customer.raw.metadata, idempotencyKey));
          if (found !== undefined) return found;
          if (result.nextCursor === null) return null;
          cursor = result.nextCursor;
        }
        return null;
      },

      async update(id: string, changes: CustomerChanges, options?: WriteOptions): Promise<Customer> {
        if (id === '') throw notFound('an empty id');
        // Check the changes before any call: a refused field must not cost a read.
        omiseCustomerBody(changes, 'update', null);
        // Omise replaces the metadata map: start from the current one so no key (least of all external_id) is lost.
        const base = touchesMetadata(changes) || options?.current !== undefined ? metadataBase(await currentCustomer(provider, { kind: 'id', id }, options)) : null;
        const body = omiseCustomerBody(changes, 'update', base);
        const response = await http.send({ method: 'PATCH', path: `/customers/${segment(id)}`, body, signal: options?.signal });
        return mapOmiseCustomer(response.body);
      },

      async delete(id: string, options?: WriteOptions): Promise<Customer | null> {
        if (id === '') throw notFound('an empty id');
        const response = await http.send({ method: 'DELETE', path: `/customers/${segment(id)}`, signal: options?.signal });
        // Omise answers `{object: "customer", id, livemode, deleted: true}`: a DELETED customer with nothing else known.
        return mapOmiseCustomer(response.body);
      },
    },
  });
  return provider;
}

function notFound(id: string): ProviderError {
  return new ProviderError({ provider: NAME, code: 'NOT_FOUND', status: 404, message: `customer ${id} was not found`, retryable: false });
}

/** One page of `GET /customers`, newest first; the cursor is the next offset and the walk's pinned `to`. */
async function listPage(http: ProviderHttp, request: ListRequest, limit: number, options?: CallOptions): Promise<ListPage> {
  const position = decodeListCursor(request.cursor);
  const response = await http.send({ method: 'GET', path: '/customers', query: listQuery(request.filter, position, limit), signal: options?.signal });
  const body = response.body;
  if (!isObject(body) || !Array.isArray(body.data) || typeof body.total !== 'number') throw omiseMalformed('a customer list without data or total');
  const next = position.offset + body.data.length;
  const to = position.to ?? newestCreatedAt(body.data);
  return {
    customers: body.data.map(mapOmiseCustomer),
    nextCursor: body.data.length > 0 && next < body.total ? encodeListCursor({ offset: next, to }) : null,
    totalCount: body.total,
  };
}

/** One page of `GET /search?scope=customer`, newest first; the cursor is the next page and the pinned `to`. */
async function searchPage(http: ProviderHttp, request: ListRequest, search: string, limit: number, options?: CallOptions): Promise<ListPage> {
  const position = decodeSearchCursor(request.cursor);
  const perPage = position.perPage ?? limit;
  const query = searchQuery(request.filter, search, { ...position, perPage });
  const response = await http.send({ method: 'GET', path: '/search', query, signal: options?.signal });
  const body = response.body;
  if (!isObject(body) || !Array.isArray(body.data) || typeof body.total !== 'number') throw omiseMalformed('a search result without data or total');
  const totalPages = typeof body.total_pages === 'number' ? body.total_pages : Math.ceil(body.total / perPage);
  const to = position.to ?? newestCreatedAt(body.data);
  return {
    customers: body.data.map(mapOmiseCustomer),
    nextCursor: body.data.length > 0 && position.page < totalPages ? encodeSearchCursor({ page: position.page + 1, perPage, to }) : null,
    totalCount: body.total,
  };
}
