import { ProviderError } from '../spec/errors';
import { ProviderHttp, segment, type HttpTransport } from '../kit/http-client';
import { defineProvider } from '../kit/define-provider';
import type {
  CallOptions, Customer, CustomerChanges, CustomerProvider, CustomerTarget, ListPage, ListRequest, ProviderSettings, WriteOptions,
} from '../spec/provider';
import { orbLimits } from './orb-capabilities';
import { parseOrbError } from './orb-errors';
import { mapOrbCustomer, orbMalformed } from './orb-map';
import { orbCustomerBody, orbListQuery } from './orb-request';

const NAME = 'orb';

/** The Orb adapter: customers by id and by `external_customer_id`, cursor lists, writes, payment-method sync. */
export function createOrbProvider(settings: ProviderSettings, transport: HttpTransport): CustomerProvider {
  const http = new ProviderHttp({
    provider: NAME,
    baseUrl: settings.baseUrl,
    headers: { authorization: `Bearer ${settings.apiKey}` },
    parseError: parseOrbError,
    // Orb honours the key on POST (and PATCH) only; the adapter sends it on POST, where Orb replays.
    idempotencyHeader: 'Idempotency-Key',
    // Every path this adapter calls, as telemetry names it.
    routes: ['/customers', '/customers/{customer_id}', '/customers/external_customer_id/{external_customer_id}', '/customers/{customer_id}/sync_payment_methods_from_gateway', '/customers/external_customer_id/{external_customer_id}/sync_payment_methods_from_gateway'],
    transport,
  });

  const read = async (target: CustomerTarget, options?: CallOptions): Promise<Customer | null> =>
    mapOrbCustomer((await http.send({ method: 'GET', path: customerPath(target), signal: options?.signal })).body);

  const update = async (target: CustomerTarget, changes: CustomerChanges, options?: WriteOptions): Promise<Customer> => {
    const body = orbCustomerBody(changes, 'update');
    // PUT: Orb ignores Idempotency-Key here, so none is sent (and the write is not retried).
    const response = await http.send({ method: 'PUT', path: customerPath(target), body, signal: options?.signal });
    return mapOrbCustomer(response.body);
  };

  return defineProvider({
    name: NAME,
    displayName: 'Orb',
    limits: orbLimits,

    customers: {
      get: (id, options) => read({ kind: 'id', id }, options),
      byExternalId: { kind: 'native', get: (externalId, options) => read({ kind: 'externalId', externalId }, options) },
      async list(request: ListRequest, options?: CallOptions): Promise<ListPage> {
        const response = await http.send({ method: 'GET', path: '/customers', query: orbListQuery(request), signal: options?.signal });
        const body = response.body as { data?: unknown; pagination_metadata?: { has_more?: unknown; next_cursor?: unknown } } | null;
        if (body === null || typeof body !== 'object' || !Array.isArray(body.data)) throw orbMalformed('a customer list without data');
        const more = body.pagination_metadata?.has_more === true;
        const cursor = body.pagination_metadata?.next_cursor;
        // Orb lists newest first by default (it has no sort parameter).
        return { customers: body.data.map(mapOrbCustomer), nextCursor: more && typeof cursor === 'string' && cursor !== '' ? cursor : null, totalCount: null };
      },
    },

    writes: {
      async create(changes, options?: WriteOptions): Promise<Customer> {
        const body = orbCustomerBody(changes, 'create');
        const response = await http.send({ method: 'POST', path: '/customers', body, idempotencyKey: options?.idempotencyKey, signal: options?.signal });
        return mapOrbCustomer(response.body);
      },
      update: (id, changes, options) => update({ kind: 'id', id }, changes, options),
      updateByExternalId: (externalId, changes, options) => update({ kind: 'externalId', externalId }, changes, options),
      async delete(id, options?: WriteOptions): Promise<Customer | null> {
        await http.send({ method: 'DELETE', path: customerPath({ kind: 'id', id }), signal: options?.signal });
        // Orb answers 204 with no body: there is no customer to return.
        return null;
      },
      async syncPaymentMethods(target: CustomerTarget, options?: WriteOptions): Promise<void> {
        await http.send({
          method: 'POST',
          path: `${customerPath(target)}/sync_payment_methods_from_gateway`,
          idempotencyKey: options?.idempotencyKey,
          signal: options?.signal,
        });
      },
    },
  });
}

function customerPath(target: CustomerTarget): string {
  if (target.kind === 'id') {
    if (target.id === '') throw notFound('an empty id');
    return `/customers/${segment(target.id)}`;
  }
  if (target.externalId === '') throw notFound('an empty external id');
  return `/customers/external_customer_id/${segment(target.externalId)}`;
}

function notFound(what: string): ProviderError {
  return new ProviderError({ provider: NAME, code: 'NOT_FOUND', status: 404, message: `Orb has no customer with ${what}`, retryable: false });
}
