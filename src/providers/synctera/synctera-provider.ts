import { defineProvider } from '../kit/define-provider';
import { currentCustomer } from '../kit/metadata';
import { ProviderHttp, segment, type HttpTransport } from '../kit/http-client';
import type {
  CallOptions,
  Customer,
  CustomerChanges,
  CustomerProvider,
  ListPage,
  ListRequest,
  ProviderSettings,
  WriteOptions,
} from '../spec/provider';
import { SYNCTERA_MAX_PAGE, syncteraLimits } from './synctera-capabilities';
import { parseSyncteraError } from './synctera-errors';
import { batchQuery, createBody, listQuery, needsCurrent, patchBody } from './synctera-request';
import { EXTERNAL_ID_KEY, customerListPayload, customerPayload, mapSyncteraCustomer } from './synctera-map';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Synctera API v0 (`https://api.synctera.com/v0`): customers of a banking-as-a-service platform. */
export function createSyncteraProvider(settings: ProviderSettings, transport: HttpTransport): CustomerProvider {
  const http = new ProviderHttp({
    provider: 'synctera',
    baseUrl: settings.baseUrl,
    headers: { authorization: `Bearer ${settings.apiKey}` },
    parseError: parseSyncteraError,
    // Declared on POST /customers and PATCH /customers/{id}; replayed for 7 days.
    idempotencyHeader: 'Idempotency-Key',
    // Every path this adapter calls, as telemetry names it.
    routes: ['/customers', '/customers/{customer_id}'],
    transport,
  });

  const getCustomer = async (id: string, options: CallOptions = {}): Promise<Customer | null> => {
    const response = await http.send({ method: 'GET', path: `/customers/${segment(id)}`, signal: options.signal });
    return mapSyncteraCustomer(customerPayload(response.body, 'GET /customers/{id}'));
  };

  /** `GET /customers?id=a,b,c`: up to 100 customers in one call (the kit chunks); unknown ids are simply absent. */
  const getCustomers = async (ids: readonly string[], options: CallOptions = {}): Promise<Customer[]> => {
    // A non-UUID cannot name a Synctera customer, and one would fail the whole batch with a 400.
    const wanted = ids.filter((id) => UUID.test(id));
    if (wanted.length === 0) return [];
    const response = await http.send({ method: 'GET', path: '/customers', query: batchQuery(wanted), signal: options.signal });
    return customerListPayload(response.body, 'GET /customers').customers.map(mapSyncteraCustomer);
  };

  const listCustomers = async (request: ListRequest, options: CallOptions = {}): Promise<ListPage> => {
    const response = await http.send({ method: 'GET', path: '/customers', query: listQuery(request), signal: options.signal });
    const page = customerListPayload(response.body, 'GET /customers');
    return { customers: page.customers.map(mapSyncteraCustomer), nextCursor: page.next_page_token ?? null, totalCount: null };
  };

  const createCustomer = async (changes: CustomerChanges, options: WriteOptions = {}): Promise<Customer> => {
    const response = await http.send({
      method: 'POST',
      path: '/customers',
      body: createBody(changes),
      idempotencyKey: options.idempotencyKey,
      signal: options.signal,
    });
    return mapSyncteraCustomer(customerPayload(response.body, 'POST /customers'));
  };

  const updateCustomer = async (id: string, changes: CustomerChanges, options: WriteOptions = {}): Promise<Customer> => {
    const current = needsCurrent(changes) || options.current !== undefined ? await currentCustomer(provider, { kind: 'id', id }, options) : null;
    const response = await http.send({
      method: 'PATCH',
      path: `/customers/${segment(id)}`,
      body: patchBody(changes, current),
      idempotencyKey: options.idempotencyKey,
      signal: options.signal,
    });
    return mapSyncteraCustomer(customerPayload(response.body, 'PATCH /customers/{id}'));
  };

  const provider: CustomerProvider = defineProvider({
    name: 'synctera',
    displayName: 'Synctera',
    limits: syncteraLimits,
    customers: {
      get: getCustomer,
      batch: { maxIds: SYNCTERA_MAX_PAGE, get: getCustomers },
      // No external-id concept: the caller's id sits in metadata.external_id and the gateway's index finds it.
      byExternalId: { kind: 'index', metadataKey: EXTERNAL_ID_KEY },
      list: listCustomers,
    },
    writes: { create: createCustomer, update: updateCustomer },
  });
  return provider;
}
