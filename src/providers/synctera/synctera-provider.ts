import { ProviderError } from '../spec/errors';
import { ProviderHttp, segment, type HttpTransport } from '../kit/http-client';
import type {
  CallOptions,
  Customer,
  CustomerChanges,
  CustomerProvider,
  CustomerTarget,
  ListPage,
  ListRequest,
  ProviderSettings,
  WriteOptions,
} from '../spec/provider';
import { checkWritable, createBody, needsCurrent, patchBody } from './synctera-body';
import { SYNCTERA_MAX_PAGE, syncteraCapabilities } from './synctera-capabilities';
import { parseSyncteraError } from './synctera-errors';
import { batchQuery, listQuery } from './synctera-query';
import { customerListPayload, customerPayload, mapSyncteraCustomer } from './synctera-map';

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

  async function getCustomer(id: string, options: CallOptions = {}): Promise<Customer | null> {
    // An empty id would address the collection (`GET /customers/`), not a customer.
    if (id.trim() === '') return null;
    try {
      const response = await http.send({ method: 'GET', path: `/customers/${segment(id)}`, signal: options.signal });
      return mapSyncteraCustomer(customerPayload(response.body, 'GET /customers/{id}'));
    } catch (error) {
      // 404 for an unknown id; 400 for one that is not a UUID (v0 answers bad URLs with 400).
      if (error instanceof ProviderError && (error.status === 404 || error.status === 400)) return null;
      throw error;
    }
  }

  /** `GET /customers?id=a,b,c`: up to 100 customers in one call; unknown ids are simply absent. */
  async function getCustomers(ids: readonly string[], options: CallOptions = {}): Promise<Customer[]> {
    // A non-UUID cannot name a Synctera customer, and one would fail the whole batch with a 400.
    const wanted = [...new Set(ids.filter((id) => UUID.test(id)))];
    const customers: Customer[] = [];
    for (let start = 0; start < wanted.length; start += SYNCTERA_MAX_PAGE) {
      const chunk = wanted.slice(start, start + SYNCTERA_MAX_PAGE);
      const response = await http.send({ method: 'GET', path: '/customers', query: batchQuery(chunk), signal: options.signal });
      customers.push(...customerListPayload(response.body, 'GET /customers').customers.map(mapSyncteraCustomer));
    }
    return customers;
  }

  async function listCustomers(request: ListRequest, options: CallOptions = {}): Promise<ListPage> {
    const query = listQuery(request);
    const response = await http.send({ method: 'GET', path: '/customers', query, signal: options.signal });
    const page = customerListPayload(response.body, 'GET /customers');
    return { customers: page.customers.map(mapSyncteraCustomer), nextCursor: page.next_page_token ?? null, totalCount: null };
  }

  async function createCustomer(changes: CustomerChanges, options: WriteOptions = {}): Promise<Customer> {
    checkWritable(changes);
    const response = await http.send({
      method: 'POST',
      path: '/customers',
      body: createBody(changes),
      idempotencyKey: options.idempotencyKey,
      signal: options.signal,
    });
    return mapSyncteraCustomer(customerPayload(response.body, 'POST /customers'));
  }

  async function updateCustomer(target: CustomerTarget, changes: CustomerChanges, options: WriteOptions = {}): Promise<Customer> {
    if (target.kind !== 'id') {
      throw new ProviderError({ provider: 'synctera', code: 'UNSUPPORTED', message: 'Synctera cannot update a customer by external ID; resolve it to the Synctera id first' });
    }
    checkWritable(changes);
    let current: Customer | null = options.current ?? null;
    if (current === null && needsCurrent(changes)) {
      current = await getCustomer(target.id, options);
      if (current === null) throw new ProviderError({ provider: 'synctera', code: 'NOT_FOUND', status: 404, message: `Synctera has no customer ${target.id}` });
    }
    const response = await http.send({
      method: 'PATCH',
      path: `/customers/${segment(target.id)}`,
      body: patchBody(changes, current),
      idempotencyKey: options.idempotencyKey,
      signal: options.signal,
    });
    return mapSyncteraCustomer(customerPayload(response.body, 'PATCH /customers/{id}'));
  }

  return {
    name: 'synctera',
    displayName: 'Synctera',
    capabilities: syncteraCapabilities,
    getCustomer,
    getCustomers,
    listCustomers,
    createCustomer,
    updateCustomer,
  };
}
