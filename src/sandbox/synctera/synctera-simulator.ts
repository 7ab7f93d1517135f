import { IdempotencyStore, requestFingerprint } from '../shared/idempotency';
import { Router } from '../shared/router';
import { credential, type SandboxRequest, type SandboxResponse } from '../shared/sandbox-http';
import type { SimulatorFactory } from '../shared/simulator';
import { methodNotAllowed, problem, syncteraFaultResponse, unauthenticated } from './synctera-errors';
import { createCustomer, getCustomer, updateCustomer, type SyncteraHandlerContext } from './synctera-handlers';
import { listCustomers } from './synctera-list';
import { seedSyncteraCustomers } from './synctera-seed';
import { SyncteraCustomerStore } from './synctera-store';
import { syncteraWebhooks } from './synctera-webhooks';

/**
 * Synctera API v0, customers (`/v0/customers…`), served at `/synctera/v0` like `https://api.synctera.com/v0`.
 * Auth is `Authorization: Bearer <api key>`; any non-empty key is accepted.
 */
export const createSyncteraSimulator: SimulatorFactory = (seedContext) => {
  const store = new SyncteraCustomerStore(seedSyncteraCustomers(seedContext));
  // Ids of customers and addresses written at run time: a stream of their own, apart from the seed's.
  const ids = seedContext.random('synctera:runtime-ids');
  const context: SyncteraHandlerContext = { store, newId: () => ids.uuid(), now: seedContext.now };
  const idempotency = new IdempotencyStore();

  /**
   * `Idempotency-Key` is declared on POST /customers and PATCH /customers/{id} (spec); the first answer,
   * status included, is replayed; another path, method or payload under the same key is a 422. Keys are
   * scoped to the API key, as each Synctera workspace has its own.
   */
  const idempotent = (request: SandboxRequest, apiKey: string, execute: () => SandboxResponse): SandboxResponse | Promise<SandboxResponse> => {
    const header = request.headers['idempotency-key'];
    const key = Array.isArray(header) ? header[0] : header;
    if (key === undefined || key === '') return execute();
    return idempotency.run(`${apiKey}\u0000${key}`, requestFingerprint(request.method, request.path, request.body), execute, {
      mismatch: () => problem('IDEMPOTENCY_INVALID_REUSE', 'this Idempotency-Key was already used for a different request'),
      concurrent: () => problem('IDEMPOTENCY_CONCURRENT_USE', 'a request with this Idempotency-Key is still being processed'),
    });
  };

  const router = new Router()
    .on('GET', '/v0/customers', (request) => listCustomers(store, request.query))
    .on('POST', '/v0/customers', (request, _params) => createCustomer(context, request))
    .on('GET', '/v0/customers/:customer_id', (_request, params) => getCustomer(context, params.customer_id ?? ''))
    .on('PUT', '/v0/customers/:customer_id', (request, params) => updateCustomer(context, params.customer_id ?? '', request, 'replace'))
    .on('PATCH', '/v0/customers/:customer_id', (request, params) => updateCustomer(context, params.customer_id ?? '', request, 'patch'));

  return {
    name: 'synctera',
    basePath: '/synctera/v0',
    customerCount: () => store.size,
    faultResponse: syncteraFaultResponse,
    webhooks: syncteraWebhooks,
    handle: (request) => {
      const apiKey = credential(request.headers, 'Bearer');
      if (apiKey === null) return unauthenticated();
      const match = router.match(request.method, request.path);
      // The catalogue: "if the URL is bad, we should return 404 RESOURCE_NOT_FOUND".
      if (match === null) return problem('RESOURCE_NOT_FOUND', `no such resource: ${request.method} ${request.path}`);
      if (match === 'method-not-allowed') return methodNotAllowed(request.method, request.path);
      const run = () => match.handler(request, match.params) as SandboxResponse;
      return request.method === 'POST' || request.method === 'PATCH' ? idempotent(request, apiKey, run) : run();
    },
  };
};
