import type { ProviderError } from '../spec/errors';
import { ProviderHttp, segment, type HttpResponse, type HttpTransport } from '../kit/http-client';
import { defineProvider } from '../kit/define-provider';
import { currentCustomer, mergeMetadata } from '../kit/metadata';
import { malformed } from '../kit/payload';
import type {
  CallOptions,
  Customer,
  CustomerChanges,
  CustomerProvider,
  EntitlementCheck,
  EntitlementCheckRequest,
  JsonObject,
  ListPage,
  ListRequest,
  ProviderSettings,
  WriteOptions,
} from '../spec/provider';
import { stiggLimits } from './stigg-capabilities';
import { parseStiggError } from './stigg-errors';
import { mapStiggCheck, mapStiggCustomer, mapStiggEntitlement } from './stigg-map';
import { stiggProvisionBody, stiggQuery, stiggUpdateBody, stringMetadata } from './stigg-request';

export function createStiggProvider(settings: ProviderSettings, transport: HttpTransport): CustomerProvider {
  const http = new ProviderHttp({
    provider: 'stigg',
    baseUrl: settings.baseUrl,
    headers: { 'X-API-KEY': settings.apiKey },
    parseError: parseStiggError,
    idempotencyHeader: 'Idempotency-Key',
    // Every path this adapter calls, as telemetry names it.
    routes: ['/api/v1/customers', '/api/v1/customers/{customerId}', '/api/v1/customers/{customerId}/entitlements', '/api/v1/customers/{customerId}/entitlements/check', '/api/v1/customers/{customerId}/archive', '/api/v1/customers/{customerId}/unarchive'],
    transport,
  });
  const customerPath = (id: string) => `/api/v1/customers/${segment(id)}`;

  const getCustomer = async (id: string, options?: CallOptions): Promise<Customer | null> =>
    mapStiggCustomer(dataObject(await http.send({ method: 'GET', path: customerPath(id), signal: options?.signal })));

  const update = async (id: string, changes: CustomerChanges, options?: WriteOptions): Promise<Customer> => {
    const body = stiggUpdateBody(changes);
    if (changes.metadata !== undefined) {
      // Stigg replaces the whole map on PATCH; the gateway's rule is a patch, so merge onto what is there.
      const current = await currentCustomer(provider, { kind: 'id', id }, options);
      body.metadata = stringMetadata(mergeMetadata(current.metadata, changes.metadata));
    }
    // No idempotency key: Stigg honours it on POST only.
    return mapStiggCustomer(dataObject(await http.send({ method: 'PATCH', path: customerPath(id), body, signal: options?.signal })));
  };

  const post = async (path: string, body: JsonObject | undefined, options?: WriteOptions): Promise<Customer> =>
    mapStiggCustomer(dataObject(await http.send({ method: 'POST', path, body, idempotencyKey: options?.idempotencyKey, signal: options?.signal })));

  const check = async (id: string, query: string, signal?: AbortSignal): Promise<JsonObject> =>
    dataObject(await http.send({ method: 'GET', path: `${customerPath(id)}/entitlements/check`, query, signal }));

  const provider: CustomerProvider = defineProvider({
    name: 'stigg',
    displayName: 'Stigg',
    limits: stiggLimits,

    customers: {
      get: getCustomer,
      // The customer id is the external id: a lookup by external id is a lookup by id.
      byExternalId: { kind: 'customer-id' },
      async list(request: ListRequest, options?: CallOptions): Promise<ListPage> {
        const query = stiggQuery([
          ['after', request.cursor],
          // The gateway's window is [createdAfter, createdBefore): adjacent windows never share a customer.
          ['createdAt[gte]', request.filter.createdAfter?.toISOString()],
          ['createdAt[lt]', request.filter.createdBefore?.toISOString()],
          ['email', request.filter.email],
          ['limit', request.limit],
        ]);
        const response = await http.send({ method: 'GET', path: '/api/v1/customers', query, signal: options?.signal });
        const body = response.body as { data?: unknown; pagination?: { next?: unknown } } | null;
        if (body === null || typeof body !== 'object' || !Array.isArray(body.data)) throw stiggMalformed('GET /api/v1/customers');
        const customers = (body.data as JsonObject[]).map(mapStiggCustomer);
        const next = body.pagination?.next;
        // Stigg's list order is undocumented; it answers newest first, which the gateway relies on.
        return { customers, nextCursor: customers.length > 0 && typeof next === 'string' && next !== '' ? next : null, totalCount: null };
      },
    },

    entitlements: {
      async get(id: string, options?: CallOptions) {
        const data = dataObject(await http.send({ method: 'GET', path: `${customerPath(id)}/entitlements`, signal: options?.signal }));
        const list = Array.isArray(data.entitlements) ? (data.entitlements as JsonObject[]) : [];
        return {
          entitlements: list.flatMap((item) => mapStiggEntitlement(item) ?? []),
          accessDeniedReason: typeof data.accessDeniedReason === 'string' ? data.accessDeniedReason : null,
        };
      },
      async check(id: string, request: EntitlementCheckRequest, options?: CallOptions): Promise<EntitlementCheck> {
        const usage = request.requestedUsage ?? undefined;
        const answer = await check(id, stiggQuery([['featureId', request.featureId], ['requestedUsage', usage], ['requestedValues', request.requestedValues]]), options?.signal);
        // The graph names credits by currency id (as the entitlement list does); Stigg checks those by `currencyId`.
        if (answer.accessDeniedReason === 'FeatureNotFound' && (request.requestedValues ?? []).length === 0) {
          const credit = await check(id, stiggQuery([['currencyId', request.featureId], ['requestedUsage', usage]]), options?.signal);
          if (credit.accessDeniedReason !== 'FeatureNotFound') return mapStiggCheck(credit, request);
        }
        return mapStiggCheck(answer, request);
      },
    },

    writes: {
      // Async, so a refused field is a rejected promise like every other failure.
      create: async (changes: CustomerChanges, options?: WriteOptions) => post('/api/v1/customers', stiggProvisionBody(changes, options?.idempotencyKey), options),
      update,
      // Updating by id and by external id is the same call: the id is the external id.
      updateByExternalId: update,
      archive: (id: string, options?: WriteOptions) => post(`${customerPath(id)}/archive`, undefined, options),
      unarchive: (id: string, options?: WriteOptions) => post(`${customerPath(id)}/unarchive`, undefined, options),
    },
  });
  return provider;
}

/** The `data` object of a `{data: {...}}` answer. */
function dataObject(response: HttpResponse): JsonObject {
  const body = response.body as { data?: unknown } | null;
  if (body === null || typeof body !== 'object' || body.data === null || typeof body.data !== 'object' || Array.isArray(body.data)) {
    throw stiggMalformed('a Stigg call');
  }
  return body.data as JsonObject;
}

function stiggMalformed(what: string): ProviderError {
  return malformed('stigg', `Stigg answered ${what} without the expected {data} envelope`);
}
