import { Router } from '../shared/router';
import { credential, type SandboxRequest, type SandboxResponse } from '../shared/sandbox-http';
import type { ProviderSimulator, SimulatorFactory } from '../shared/simulator';
import { listCards, listSchedules, destroyCard, retrieveCard, updateCard } from './omise-card-routes';
import { createCustomer, destroyCustomer, listCustomers, retrieveCustomer, updateCustomer } from './omise-customer-routes';
import { authenticationFailure, omiseError, omiseFaultResponse } from './omise-errors';
import { createSearchHandler } from './omise-search';
import { seedCustomers } from './omise-seed';
import type { OmiseState } from './omise-state';
import { OmiseCustomerStore } from './omise-store';
import { omiseWebhooks } from './omise-webhooks';

/**
 * Omise (Opn Payments) customers at `/omise`, as `https://api.omise.co` serves them with API version 2019-05-29:
 * customers, their cards and schedules, and the Search API. Auth is HTTP Basic with the secret key as the user
 * name. `Omise-Version` is accepted and answered with the 2019-05-29 shapes whatever it says. Omise documents no
 * idempotency key, so none is honoured.
 */
export const createOmiseSimulator: SimulatorFactory = (context) => {
  const seedNowMs = context.seedNow.getTime();
  const state: OmiseState = {
    store: new OmiseCustomerStore(),
    usedTokens: new Set(),
    ids: context.random('omise:run-time-ids'),
    seed: context.seed,
    now: () => Math.max(context.now().getTime(), seedNowMs),
  };
  seedCustomers(context, state.store);

  const search = createSearchHandler(state);
  const router = new Router()
    .on('POST', '/customers', (request) => createCustomer(state, request))
    .on('GET', '/customers', (request) => listCustomers(state, request))
    .on('GET', '/customers/:id', (_request, params) => retrieveCustomer(state, params.id as string))
    .on('PATCH', '/customers/:id', (request, params) => updateCustomer(state, request, params.id as string))
    .on('DELETE', '/customers/:id', (_request, params) => destroyCustomer(state, params.id as string))
    .on('GET', '/customers/:id/cards', (request, params) => listCards(state, request, params.id as string))
    .on('GET', '/customers/:id/cards/:card', (_request, params) => retrieveCard(state, params.id as string, params.card as string))
    .on('PATCH', '/customers/:id/cards/:card', (request, params) => updateCard(state, request, params.id as string, params.card as string))
    .on('DELETE', '/customers/:id/cards/:card', (_request, params) => destroyCard(state, params.id as string, params.card as string))
    .on('GET', '/customers/:id/schedules', (request, params) => listSchedules(state, request, params.id as string))
    .on('GET', '/search', (request) => search(request));

  const simulator: ProviderSimulator = {
    name: 'omise',
    basePath: '/omise',
    // omise-node takes a host but no port or path: with the sandbox on port 80 it works unchanged at the root.
    rootSegments: ['customers', 'search'],
    customerCount: () => state.store.count(),
    faultResponse: omiseFaultResponse,
    webhooks: omiseWebhooks,
    handle: (request) => handle(router, request),
  };
  return simulator;
};

function handle(router: Router, request: SandboxRequest): SandboxResponse {
  if (!authenticated(request)) return authenticationFailure();
  const match = router.match(request.method, request.path);
  // Omise answers a path or method it does not serve with not_found.
  if (match === null || match === 'method-not-allowed') {
    return omiseError(404, 'not_found', `${request.method} ${request.path} was not found`);
  }
  try {
    const answer = match.handler(request, match.params);
    if (answer instanceof Promise) throw new Error('Omise handlers are synchronous');
    return answer;
  } catch (error) {
    // A simulator bug answers in Omise's own 500 shape, and state is untouched: handlers validate before writing.
    console.error('omise simulator: unhandled error', error);
    return omiseError(500, 'internal_error', 'internal error');
  }
}

/** The secret key is the Basic user name (the password is empty); any non-empty key is accepted. */
function authenticated(request: SandboxRequest): boolean {
  const token = credential(request.headers, 'Basic');
  if (token === null) return false;
  const decoded = Buffer.from(token, 'base64').toString('utf8');
  const user = decoded.includes(':') ? decoded.slice(0, decoded.indexOf(':')) : decoded;
  return user.trim() !== '';
}
