import { Router } from '../shared/router';
import { credential, type SandboxRequest, type SandboxResponse } from '../shared/sandbox-http';
import type { SimulatorFactory } from '../shared/simulator';
import { createPolarCatalog } from './polar-catalog';
import { polarFault, polarMethodNotAllowed, polarRouteNotFound, polarUnauthorized } from './polar-errors';
import { exportPolarCustomers, getPolarCustomer, getPolarCustomerState, listPolarCustomers, type PolarWorld } from './polar-read-handlers';
import { createPolarCustomerRoute, deletePolarCustomerRoute, updatePolarCustomerRoute } from './polar-write-handlers';
import { seedPolarCustomers } from './polar-seed';
import { PolarCustomerStore } from './polar-store';
import { polarWebhooks } from './polar-webhooks';

/** API versions the `Polar-Version` header may name; an unknown one is a plain 404 from the version middleware. */
const POLAR_VERSIONS = new Set(['2026-04', '2026-10']);
const DEFAULT_VERSION = '2026-04';

type Handler = (request: SandboxRequest, params: Record<string, string>, token: string) => SandboxResponse;

/**
 * Polar's customer API (`https://api.polar.sh/v1/customers/…`) for one organization. Every request needs a bearer
 * token; any non-empty token is accepted, and acts as an organization token unless it is a `polar_pat_…` one.
 */
export const createPolarSimulator: SimulatorFactory = (context) => {
  const catalog = createPolarCatalog(context.random('polar:catalog'));
  const world: PolarWorld = {
    catalog,
    store: new PolarCustomerStore(seedPolarCustomers(context, catalog)),
    random: context.random('polar:runtime'),
    streams: (stream) => context.random(stream),
    now: () => context.now(),
  };
  const byId = (params: Record<string, string>) => ({ id: params.id ?? '' });
  const byExternalId = (params: Record<string, string>) => ({ externalId: params.externalId ?? '' });
  const routes = new Router();
  const on = (method: string, pattern: string, handler: Handler) =>
    routes.on(method, pattern, (request, params) => {
      const token = credential(request.headers, 'Bearer');
      return token === null ? polarUnauthorized() : handler(request, params, token);
    });
  on('GET', '/v1/customers/', (request) => listPolarCustomers(world, request));
  on('POST', '/v1/customers/', (request, _params, token) => createPolarCustomerRoute(world, request, token));
  on('GET', '/v1/customers/export', (request) => exportPolarCustomers(world, request));
  // External-ID routes first: FastAPI takes the first declared match, so `/external/state` is an external ID.
  on('GET', '/v1/customers/external/:externalId', (_request, params) => getPolarCustomer(world, byExternalId(params)));
  on('PATCH', '/v1/customers/external/:externalId', (request, params) => updatePolarCustomerRoute(world, request, byExternalId(params)));
  on('DELETE', '/v1/customers/external/:externalId', (request, params) => deletePolarCustomerRoute(world, request, byExternalId(params)));
  on('GET', '/v1/customers/external/:externalId/state', (_request, params) => getPolarCustomerState(world, byExternalId(params)));
  on('GET', '/v1/customers/:id', (_request, params) => getPolarCustomer(world, byId(params)));
  on('PATCH', '/v1/customers/:id', (request, params) => updatePolarCustomerRoute(world, request, byId(params)));
  on('DELETE', '/v1/customers/:id', (request, params) => deletePolarCustomerRoute(world, request, byId(params)));
  on('GET', '/v1/customers/:id/state', (_request, params) => getPolarCustomerState(world, byId(params)));

  return {
    name: 'polar',
    basePath: '/polar',
    customerCount: () => world.store.liveCount(),
    faultResponse: polarFault,
    webhooks: polarWebhooks,
    handle: async (request) => {
      const requested = request.headers['polar-version'];
      const version = typeof requested === 'string' ? requested : DEFAULT_VERSION;
      if (!POLAR_VERSIONS.has(version)) return polarRouteNotFound();
      const match = routes.match(request.method, request.path);
      const response = match === null ? polarRouteNotFound() : match === 'method-not-allowed' ? polarMethodNotAllowed() : await match.handler(request, match.params);
      return { ...response, headers: { ...response.headers, 'polar-version': version } };
    },
  };
};
