import { ProviderError } from '../spec/errors';
import { ProviderHttp, segment, type HttpTransport } from '../kit/http-client';
import type {
  CallOptions, Customer, CustomerChanges, CustomerFilterField, CustomerProvider, CustomerTarget, ListPage, ListRequest, ProviderSettings, WriteOptions,
} from '../spec/provider';
import { omiseCapabilities } from './omise-capabilities';
import { parseOmiseError } from './omise-errors';
import { listPage, searchPage } from './omise-list';
import { mapOmiseCustomer } from './omise-map';
import { metadataBase, omiseCustomerBody, touchesMetadata } from './omise-write';

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

  const getCustomer = async (id: string, options?: CallOptions): Promise<Customer | null> => {
    if (id === '') return null;
    try {
      const response = await http.send({ method: 'GET', path: `/customers/${segment(id)}`, signal: options?.signal });
      return mapOmiseCustomer(response.body);
    } catch (error) {
      // Omise answers an unknown (or malformed) id with 404 not_found.
      if (error instanceof ProviderError && (error.status === 404 || error.status === 400)) return null;
      throw error;
    }
  };

  return {
    name: NAME,
    displayName: 'Omise',
    capabilities: omiseCapabilities,
    nativeIdPattern: /^cust(_test)?_[0-9a-z]+$/,

    getCustomer,

    async listCustomers(request: ListRequest, options?: CallOptions): Promise<ListPage> {
      checkFilters(request);
      const limit = Number.isFinite(request.limit) ? Math.min(Math.max(Math.trunc(request.limit), 1), omiseCapabilities.maxPageSize) : 20;
      const search = request.filter.search ?? '';
      return search.trim() === '' ? listPage(http, request, limit, options) : searchPage(http, request, search, limit, options);
    },

    async createCustomer(changes: CustomerChanges, options?: WriteOptions): Promise<Customer> {
      const body = omiseCustomerBody(changes, 'create', null);
      const response = await http.send({ method: 'POST', path: '/customers', body, signal: options?.signal });
      return mapOmiseCustomer(response.body);
    },

    async updateCustomer(target: CustomerTarget, changes: CustomerChanges, options?: WriteOptions): Promise<Customer> {
      const id = targetId(target, 'updateByExternalId');
      // Check the changes before any call: a refused field must not cost a read.
      omiseCustomerBody(changes, 'update', null);
      let base = options?.current === undefined ? null : metadataBase(options.current);
      if (base === null && touchesMetadata(changes)) {
        // Omise replaces the metadata map: read the current one first so no key (least of all external_id) is lost.
        const current = await getCustomer(id, options);
        if (current === null) throw notFound(id);
        base = metadataBase(current);
      }
      const body = omiseCustomerBody(changes, 'update', base);
      const response = await http.send({ method: 'PATCH', path: `/customers/${segment(id)}`, body, signal: options?.signal });
      return mapOmiseCustomer(response.body);
    },

    async deleteCustomer(target: CustomerTarget, options?: WriteOptions): Promise<Customer | null> {
      const id = targetId(target, 'deleteByExternalId');
      const response = await http.send({ method: 'DELETE', path: `/customers/${segment(id)}`, signal: options?.signal });
      // Omise answers `{object: "customer", id, livemode, deleted: true}`: a DELETED customer with nothing else known.
      return mapOmiseCustomer(response.body);
    },
  };
}

/** A filter Omise cannot apply is an error, never ignored (the gateway promises that). */
function checkFilters(request: ListRequest): void {
  const supported: readonly CustomerFilterField[] = omiseCapabilities.listFilters;
  for (const [key, value] of Object.entries(request.filter)) {
    if (value !== undefined && value !== null && !supported.includes(key as CustomerFilterField)) {
      throw new ProviderError({ provider: NAME, code: 'UNSUPPORTED', message: `Omise cannot filter customers by ${key}`, field: key, retryable: false });
    }
  }
}

/** Omise knows customers by id only; the gateway resolves external ids through its index before calling. */
function targetId(target: CustomerTarget, operation: string): string {
  if (target.kind === 'externalId') {
    throw new ProviderError({ provider: NAME, code: 'UNSUPPORTED', message: `Omise has no ${operation}: resolve the external id to a customer id first`, retryable: false });
  }
  if (target.id === '') throw notFound('an empty id');
  return target.id;
}

function notFound(id: string): ProviderError {
  return new ProviderError({ provider: NAME, code: 'NOT_FOUND', status: 404, message: `customer ${id} was not found`, retryable: false });
}
