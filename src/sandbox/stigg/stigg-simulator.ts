import { Router } from '../shared/router';
import type { SandboxRequest, SandboxResponse } from '../shared/sandbox-http';
import type { SimulatorFactory } from '../shared/simulator';
import { addCustomerRoutes } from './stigg-customer-routes';
import { addEntitlementRoutes } from './stigg-entitlement-routes';
import { addListRoutes } from './stigg-list-routes';
import { faultResponse, stiggError, unauthenticated } from './stigg-errors';
import { StiggIdempotency } from './stigg-idempotency';
import { addImportRoute } from './stigg-import-route';
import type { StiggRouteContext } from './stigg-request';
import { seedStiggCustomers } from './stigg-seed';
import { stiggWebhooks } from './stigg-webhooks';

/**
 * Stigg's REST API (`https://api.stigg.io`, paths `/api/v1/...`) in memory: customers, their resources, and
 * entitlements computed from a plan catalogue. Served below `/stigg`.
 */
export const createStiggSimulator: SimulatorFactory = (context) => {
  const store = seedStiggCustomers(context);
  const routeContext: StiggRouteContext = { store, now: context.now };
  const router = new Router();
  addCustomerRoutes(router, routeContext);
  addImportRoute(router, routeContext);
  addListRoutes(router, routeContext);
  addEntitlementRoutes(router, routeContext);
  const idempotency = new StiggIdempotency(context.now);

  return {
    name: 'stigg',
    basePath: '/stigg',
    customerCount: () => store.size,
    faultResponse,
    webhooks: stiggWebhooks,
    handle: async (request: SandboxRequest): Promise<SandboxResponse> => {
      const apiKey = headerValue(request.headers['x-api-key']);
      if (apiKey === null) return unauthenticated();
      const match = router.match(request.method, request.path);
      // Stigg's gateway answers an unknown route or method alike, with a 404.
      if (match === null || match === 'method-not-allowed') return stiggError(404, 'NOT_FOUND', `Cannot ${request.method} ${request.path}`);
      const execute = async () => {
        try {
          return await match.handler(request, match.params);
        } catch (error) {
          console.error('stigg simulator: unexpected error', error);
          return stiggError(500, 'INTERNAL', 'Internal server error');
        }
      };
      const key = headerValue(request.headers['idempotency-key']);
      return request.method === 'POST' && key !== null ? idempotency.run(apiKey, key, request, execute) : execute();
    },
  };
};

function headerValue(value: string | string[] | undefined): string | null {
  const text = (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
  return text === '' ? null : text;
}
