import { ProviderError } from '../spec/errors';
import { mergeMetadata } from '../kit/metadata';
import { ProviderHttp, segment, type HttpTransport } from '../kit/http-client';
import type {
  CallOptions,
  Customer,
  CustomerChanges,
  CustomerProvider,
  CustomerState,
  CustomerTarget,
  ListPage,
  ListRequest,
  ProviderCapabilities,
  ProviderSettings,
  WriteOptions,
} from '../spec/provider';
import { parsePolarError } from './polar-errors';
import { mapPolarCustomer } from './polar-map';
import { mapPolarState } from './polar-state-map';
import { polarCreateBody, polarListFilters, polarQuery, polarUpdateBody, polarValidationError } from './polar-request';

const POLAR_CAPABILITIES: ProviderCapabilities = {
  batchSize: 1,
  externalIdLookup: 'native',
  listFilters: ['email', 'search'],
  maxPageSize: 100,
  totalCount: true,
  state: true,
  entitlements: 'state',
  entitlementCheck: 'derived',
  operations: ['create', 'update', 'updateByExternalId', 'delete', 'deleteByExternalId'],
  writableFields: {
    create: ['email', 'name', 'externalId', 'metadata', 'billingAddress'],
    // externalId only while the customer has none: Polar answers 422 to any change of an existing one.
    update: ['email', 'name', 'externalId', 'metadata', 'billingAddress'],
  },
  requiredOnCreate: ['email'],
  providerFields: { create: ['type', 'tax_id', 'locale', 'owner', 'organization_id'], update: ['tax_id', 'locale'] },
  idempotency: false,
  anonymizeOnDelete: true,
  alternatives: {},
};

type PolarPayload = Record<string, unknown>;

/** Polar answers 422 to an id that is not a UUID4; for a lookup that only means "no such customer". */
function isAbsent(error: unknown): boolean {
  return error instanceof ProviderError && (error.status === 404 || error.status === 422 || error.code === 'NOT_FOUND');
}

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

  async function read(target: CustomerTarget, options?: CallOptions): Promise<Customer | null> {
    try {
      // An id no path can carry (empty, "..") is refused by segment() as not found, like any unknown id.
      const response = await http.send({ method: 'GET', path: customerPath(target), signal: options?.signal });
      return mapPolarCustomer(response.body as PolarPayload);
    } catch (error) {
      if (isAbsent(error)) return null;
      throw error;
    }
  }

  return {
    name: 'polar',
    displayName: 'Polar',
    capabilities: POLAR_CAPABILITIES,

    getCustomer: (id, options) => read({ kind: 'id', id }, options),
    getCustomerByExternalId: (externalId, options) => read({ kind: 'externalId', externalId }, options),

    async listCustomers(request: ListRequest, options?: CallOptions): Promise<ListPage> {
      const filters = polarListFilters(request.filter);
      const page = request.cursor === null ? 1 : Number(request.cursor);
      if (!Number.isInteger(page) || page < 1) throw polarValidationError(`not a Polar page cursor: ${request.cursor}`, 'after');
      const limit = Math.min(Math.max(1, Math.floor(request.limit)), POLAR_CAPABILITIES.maxPageSize);
      const query = polarQuery({ ...filters, limit, page, sorting: ['-created_at'] });
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

    /** One call gives both: the state payload carries every customer field. */
    async getState(id: string, options?: CallOptions): Promise<{ state: CustomerState; customer: Customer | null }> {
      const response = await http.send({ method: 'GET', path: `/v1/customers/${segment(id)}/state`, signal: options?.signal });
      const payload = response.body as PolarPayload;
      return { state: mapPolarState(payload), customer: mapPolarCustomer(payload) };
    },

    async createCustomer(changes: CustomerChanges, options?: WriteOptions): Promise<Customer> {
      const body = polarCreateBody(changes, POLAR_CAPABILITIES);
      const response = await http.send({ method: 'POST', path: '/v1/customers/', body, signal: options?.signal });
      return mapPolarCustomer(response.body as PolarPayload);
    },

    async updateCustomer(target: CustomerTarget, changes: CustomerChanges, options?: WriteOptions): Promise<Customer> {
      if (target.kind === 'externalId' && changes.externalId !== undefined && changes.externalId !== target.externalId) {
        // `CustomerUpdateExternalID` has no external_id field: Polar would drop it without a word.
        throw polarValidationError('Polar cannot change the external ID of a customer addressed by external ID', 'externalId');
      }
      // Checked before any call, so a refused change costs nothing upstream.
      const body = polarUpdateBody({ ...changes, metadata: undefined, ...(target.kind === 'externalId' ? { externalId: undefined } : {}) }, POLAR_CAPABILITIES);
      if (changes.metadata !== undefined) {
        // Polar replaces the map: merge the patch into the current one, read first when the caller has none.
        let current = changes.metadata === null ? {} : (options?.current?.metadata ?? null);
        if (current === null) {
          const customer = await read(target, options);
          if (customer === null) throw new ProviderError({ provider: 'polar', code: 'NOT_FOUND', status: 404, message: 'Polar has no such customer' });
          current = customer.metadata;
        }
        body.metadata = mergeMetadata(current, changes.metadata);
      }
      const response = await http.send({ method: 'PATCH', path: customerPath(target), body, signal: options?.signal });
      return mapPolarCustomer(response.body as PolarPayload);
    },

    async deleteCustomer(target: CustomerTarget, options?: WriteOptions & { anonymize?: boolean }): Promise<null> {
      const query = options?.anonymize === true ? polarQuery({ anonymize: true }) : undefined;
      await http.send({ method: 'DELETE', path: customerPath(target), query, signal: options?.signal });
      return null;
    },
  };
}
