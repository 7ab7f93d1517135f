import type { Router } from '../shared/router';
import { json, type SandboxResponse } from '../shared/sandbox-http';
import { applyCustomerFields, customerBodyProblem } from './stigg-customer-body';
import { customerNotFound, invalidArgument, stiggError } from './stigg-errors';
import { objectBody, type StiggRouteContext } from './stigg-request';
import { customerPayload, type StiggCustomerRecord } from './stigg-types';

/** Provision, retrieve, update, archive and unarchive. */
export function addCustomerRoutes(router: Router, context: StiggRouteContext): void {
  const { store } = context;

  router.on('POST', '/api/v1/customers', (request) => {
    const parsed = objectBody(request.body);
    if (!parsed.ok) return parsed.response;
    const problem = customerBodyProblem(parsed.body, 'provision');
    if (problem !== null) return invalidArgument(problem);
    const id = parsed.body.id as string;
    if (store.has(id)) return stiggError(409, 'ALREADY_EXISTS', `Customer with id ${id} already exists`);
    const record = newCustomerRecord(context, id);
    applyCustomerFields(record, parsed.body);
    store.insert(record);
    return json(201, { data: customerPayload(record) });
  });

  router.on('GET', '/api/v1/customers/:id', (_request, params) => {
    const record = store.get(params.id as string);
    return record === undefined ? customerNotFound(params.id as string) : json(200, { data: customerPayload(record) });
  });

  router.on('PATCH', '/api/v1/customers/:id', (request, params) => {
    const record = store.get(params.id as string);
    if (record === undefined) return customerNotFound(params.id as string);
    const parsed = objectBody(request.body);
    if (!parsed.ok) return parsed.response;
    const problem = customerBodyProblem(parsed.body, 'update');
    if (problem !== null) return invalidArgument(problem);
    applyCustomerFields(record, parsed.body);
    record.updatedAt = context.now();
    return json(200, { data: customerPayload(record) });
  });

  // Archiving an archived customer (or unarchiving an active one) is undocumented; it answers the customer unchanged.
  router.on('POST', '/api/v1/customers/:id/archive', (_request, params) => setArchived(context, params.id as string, true));
  router.on('POST', '/api/v1/customers/:id/unarchive', (_request, params) => setArchived(context, params.id as string, false));
}

export function newCustomerRecord(context: StiggRouteContext, id: string): StiggCustomerRecord {
  const now = context.now();
  return {
    id,
    sequence: context.store.takeSequence(),
    createdAtMs: now.getTime(),
    createdAt: now,
    updatedAt: now,
    archivedAt: null,
    name: null,
    email: null,
    billingId: null,
    billingCurrency: null,
    couponId: null,
    language: null,
    timezone: null,
    metadata: {},
    defaultPaymentMethod: null,
    integrations: [],
    resources: [],
    // Provisioning without subscription parameters gives no subscription (Stigg's customer journey rule).
    subscription: null,
    usage: {},
    credits: null,
  };
}

function setArchived(context: StiggRouteContext, id: string, archived: boolean): SandboxResponse {
  const record = context.store.get(id);
  if (record === undefined) return customerNotFound(id);
  if (archived !== (record.archivedAt !== null)) {
    const now = context.now();
    record.archivedAt = archived ? now : null;
    record.updatedAt = now;
  }
  return json(200, { data: customerPayload(record) });
}
