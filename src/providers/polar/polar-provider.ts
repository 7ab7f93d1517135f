import { defineProvider } from '../kit/define-provider';
import { currentCustomer, mergeMetadata } from '../kit/metadata';
import { ProviderHttp, segment, type HttpTransport } from '../kit/http-client';
import type {
  CallOptions,
  Customer,
  CustomerChanges,
  CustomerProvider,
  DeleteOptions,
  CustomerTarget,
  JsonObject,
  ListPage,
  ListRequest,
  StateResult,
  ProviderSettings,
  WriteOptions,
} from '../spec/provider';
import { polarLimits } from './polar-capabilities';
import { parsePolarError } from './polar-errors';
import { mapPolarCustomer } from './polar-map';
import { WRITE_MARKER_KEY, withWriteMarker, writeMarker } from '../write-marker';
import { mapPolarState } from './polar-map';
import { polarCreateBody, polarListFilters, polarQuery, polarUpdateBody, polarValidationError } from './polar-request';

type PolarPayload = Record<string, unknown>;

export function createPolarProvider(settings: ProviderSettings, transport: HttpTransport): CustomerProvider {
  // No idempotency header: Polar has none, so writes are never retried.
  const http = new ProviderHttp({
    provider: 'polar',
    baseUrl: settings.baseUrl,
    headers: { authorization: `Bearer ${settings.apiKey}` },
    parseError: parsePolarError,
    // Every path this adapter calls, as telemetry names it.
    routes: ['/v1/customers/', '/v1/customers/{id}', '/v1/customers/{id}/state', '/v1/customers/external/{external_id}'],
    transport,
  });
  const customerPath = (target: CustomerTarget) =>
    target.kind === 'id' ? `/v1/customers/${segment(target.id)}` : `/v1/customers/external/${segment(target.externalId)}`;

  const read = async (target: CustomerTarget, options?: CallOptions): Promise<Customer | null> =>
    // An id no path can carry ("..") is refused by segment() as not found, like any unknown id.
    mapPolarCustomer((await http.send({ method: 'GET', path: customerPath(target), signal: options?.signal })).body as PolarPayload);

  const update = async (target: CustomerTarget, changes: CustomerChanges, options?: WriteOptions): Promise<Customer> => {
    if (target.kind === 'externalId' && changes.externalId !== undefined && changes.externalId !== target.externalId) {
      // `CustomerUpdateExternalID` has no external_id field: Polar would drop it without a word.
      throw polarValidationError('Polar cannot change the external ID of a customer addressed by external ID', 'externalId');
    }
    // Checked before any call, so a refused change costs nothing upstream.
    const body = polarUpdateBody({ ...changes, metadata: undefined, ...(target.kind === 'externalId' ? { externalId: undefined } : {}) });
    if (changes.metadata !== undefined) {
      // Polar replaces the map: merge the patch into the current one, read first when the caller has none.
      const current = changes.metadata === null ? {} : (await currentCustomer(provider, target, options)).metadata;
      body.metadata = mergeMetadata(current, changes.metadata);
    }
    const response = await http.send({ method: 'PATCH', path: customerPath(target), body, signal: options?.signal });
    return mapPolarCustomer(response.body as PolarPayload);
  };

  const remove = async (target: CustomerTarget, options?: DeleteOptions): Promise<null> => {
    const query = options?.anonymize === true ? polarQuery({ anonymize: true }) : undefined;
    await http.send({ method: 'DELETE', path: customerPath(target), query, signal: options?.signal });
    return null;
  };

  const provider: CustomerProvider = defineProvider({
    name: 'polar',
    displayName: 'Polar',
    limits: polarLimits,

    customers: {
      get: (id, options) => read({ kind: 'id', id }, options),
      byExternalId: { kind: 'native', get: (externalId, options) => read({ kind: 'externalId', externalId }, options) },
      async list(request: ListRequest, options?: CallOptions): Promise<ListPage> {
        const page = request.cursor === null ? 1 : Number(request.cursor);
        if (!Number.isInteger(page) || page < 1) throw polarValidationError(`not a Polar page cursor: ${request.cursor}`, 'after');
        const query = polarQuery({ ...polarListFilters(request.filter), limit: request.limit, page, sorting: ['-created_at'] });
        const response = await http.send({ method: 'GET', path: '/v1/customers/', query, signal: options?.signal });
        const body = response.body as { items?: PolarPayload[]; pagination?: { total_count?: number; max_page?: number } };
        const items = body.items ?? [];
        const maxPage = body.pagination?.max_page ?? page;
        return {
          customers: items.map(mapPolarCustomer),
          nextCursor: items.length > 0 && page < maxPage ? String(page + 1) : null,
          totalCount: body.pagination?.total_count ?? null,
        };
      },
    },

    state: {
      /** One call gives both: the state payload carries every customer field. */
      async get(id: string, options?: CallOptions): Promise<StateResult> {
        const response = await http.send({ method: 'GET', path: `/v1/customers/${segment(id)}/state`, signal: options?.signal });
        const payload = response.body as PolarPayload;
        return { state: mapPolarState(payload), customer: mapPolarCustomer(payload) };
      },
    },

    writes: {
      async create(changes: CustomerChanges, options?: WriteOptions): Promise<Customer> {
        const body = polarCreateBody(changes);
        // Polar has no idempotency header: the marker lets a retry find what a lost answer created.
        const metadata = withWriteMarker(body.metadata as JsonObject | undefined, options?.idempotencyKey);
        if (metadata !== undefined) body.metadata = metadata;
        const response = await http.send({ method: 'POST', path: '/v1/customers/', body, signal: options?.signal });
        return mapPolarCustomer(response.body as PolarPayload);
      },

      async findCreated(idempotencyKey: string, options?: CallOptions): Promise<Customer | null> {
        const query = `metadata%5B${WRITE_MARKER_KEY}%5D=${encodeURIComponent(writeMarker(idempotencyKey))}&limit=1`;
        const response = await http.send({ method: 'GET', path: '/v1/customers/', query, signal: options?.signal });
        const item = (response.body as { items?: PolarPayload[] }).items?.[0];
        return item === undefined ? null : mapPolarCustomer(item);
      },

      update: (id, changes, options) => update({ kind: 'id', id }, changes, options),
      updateByExternalId: (externalId, changes, options) => update({ kind: 'externalId', externalId }, changes, options),
      delete: (id, options) => remove({ kind: 'id', id }, options),
      deleteByExternalId: (externalId, options) => remove({ kind: 'externalId', externalId }, options),
    },
  });
  return provider;
}
