import type { Random } from '../shared/random';
import { Router } from '../shared/router';
import { empty, json, parseJsonBody, type SandboxRequest, type SandboxResponse } from '../shared/sandbox-http';
import { createOrbCustomer } from './orb-create';
import { issue, orbErrors } from './orb-errors';
import { listOrbCustomers } from './orb-list';
import { paymentMethod } from './orb-billing-data';
import type { OrbCustomerStore } from './orb-store';
import type { OrbCustomerRecord } from './orb-types';
import { updateOrbCustomer } from './orb-update';
import { validateCustomerBody } from './orb-validation';

export interface OrbRuntime {
  store: OrbCustomerStore;
  now: () => Date;
  /** Ids of customers created at run time; a stream of its own so seeding never shifts it. */
  ids: Random;
  /** What "the gateway" (Stripe) answers when payment methods are synced. */
  gateway: Random;
}

type Lookup = { record: OrbCustomerRecord } | { error: SandboxResponse };

/** Every customer endpoint of `seeds/orb-customers.txt`, relative to `/orb` (so `/v1/customers…`). */
export function orbRouter(runtime: OrbRuntime): Router {
  const { store } = runtime;
  const byId = (id: string): Lookup => {
    const record = store.get(id);
    return record === undefined ? { error: orbErrors.notFound(id) } : { record };
  };
  const byExternalId = (externalId: string): Lookup => {
    const record = store.getByExternalId(externalId);
    return record === undefined ? { error: orbErrors.notFound(externalId, 'external_customer_id') } : { record };
  };
  const fetch = (found: Lookup): SandboxResponse => {
    if ('error' in found) return found.error;
    // A deleted customer answers with a tombstone only (orb.md §3).
    return found.record.deleted ? json(200, { id: found.record.customer.id, deleted: true }) : json(200, found.record.customer);
  };
  const live = (found: Lookup, write: (record: OrbCustomerRecord) => SandboxResponse): SandboxResponse => {
    if ('error' in found) return found.error;
    return found.record.deleted ? orbErrors.notFound(found.record.customer.id) : write(found.record);
  };
  const update = (request: SandboxRequest) => (record: OrbCustomerRecord): SandboxResponse => {
    const body = parseJsonBody(request.body);
    if (body instanceof SyntaxError) return invalidJson(body);
    const checked = validateCustomerBody(body ?? {}, 'update');
    if ('issues' in checked) return orbErrors.validation(checked.issues);
    return updateOrbCustomer(store, record, checked.input) ?? json(200, record.customer);
  };
  const remove = (record: OrbCustomerRecord): SandboxResponse => {
    store.markDeleted(record);
    return empty(204);
  };
  const sync = (record: OrbCustomerRecord): SandboxResponse => {
    const customer = record.customer;
    if (customer.payment_provider !== 'stripe_charge' && customer.payment_provider !== 'stripe_invoice') {
      return orbErrors.constraint('Syncing payment methods is only available for customers with a Stripe payment provider.');
    }
    if (customer.payment_provider_id === null) return orbErrors.constraint(`Customer ${customer.id} has no payment_provider_id to sync from.`);
    // The sandbox's Stripe always holds a default card for a linked customer: the sync mirrors it once.
    customer.default_payment_method ??= paymentMethod(runtime.gateway, runtime.gateway, customer.id, runtime.now());
    return empty(204);
  };

  return new Router()
    .on('GET', '/v1/customers', (request) => listOrbCustomers(store, request))
    .on('POST', '/v1/customers', (request) => {
      const body = parseJsonBody(request.body);
      if (body instanceof SyntaxError) return invalidJson(body);
      const checked = validateCustomerBody(body ?? {}, 'create');
      if ('issues' in checked) return orbErrors.validation(checked.issues);
      const created = createOrbCustomer(store, checked.input, runtime.now(), runtime.ids);
      return 'error' in created ? created.error : json(201, created.record.customer);
    })
    .on('GET', '/v1/customers/:id', (_request, params) => fetch(byId(params.id as string)))
    .on('PUT', '/v1/customers/:id', (request, params) => live(byId(params.id as string), update(request)))
    .on('DELETE', '/v1/customers/:id', (_request, params) => live(byId(params.id as string), remove))
    .on('POST', '/v1/customers/:id/sync_payment_methods_from_gateway', (_request, params) => live(byId(params.id as string), sync))
    .on('GET', '/v1/customers/external_customer_id/:externalId', (_request, params) => fetch(byExternalId(params.externalId as string)))
    .on('PUT', '/v1/customers/external_customer_id/:externalId', (request, params) => live(byExternalId(params.externalId as string), update(request)))
    .on('POST', '/v1/customers/external_customer_id/:externalId/sync_payment_methods_from_gateway', (_request, params) =>
      live(byExternalId(params.externalId as string), sync));
}

function invalidJson(error: SyntaxError): SandboxResponse {
  return orbErrors.validation([issue('body', `Invalid JSON: ${error.message}`, 'value_error.jsondecode')]);
}
