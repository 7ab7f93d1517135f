import { isPlainObject, json, parseJsonBody, type SandboxRequest, type SandboxResponse } from '../shared/sandbox-http';
import { BodyProblems, customerNotFound, problem } from './synctera-errors';
import type { SyncteraCustomerStore } from './synctera-store';
import { UUID_PATTERN, type SyncteraCustomer } from './synctera-types';
import { readCustomerBody, type WriteMode } from './synctera-validation';
import { checkCustomerRules, createdCustomer, patchedCustomer, replacedCustomer, type WriteTools } from './synctera-write';

export interface SyncteraHandlerContext {
  store: SyncteraCustomerStore;
  newId(): string;
  now(): Date;
}

/** `POST /v0/customers` → 201 with the customer. */
export function createCustomer(context: SyncteraHandlerContext, request: SandboxRequest): SandboxResponse {
  const body = readBody(request.body);
  if (!body.ok) return body.response;
  const problems = new BodyProblems();
  const tools = writeTools(context);
  const fields = readCustomerBody(body.value, 'create', undefined, today(context), problems);
  const candidate = createdCustomer(fields, tools);
  checkCustomerRules(candidate, undefined, fields, problems);
  if (!problems.empty) return problems.toResponse();
  // The duplicate rule (undocumented; spec: 409 "already_exists" on create only): an email already held by
  // another customer. Emails identify a person to a bank, and two customers sharing one is a data error.
  if (candidate.email !== undefined && context.store.emailTaken(candidate.email)) {
    return problem('DUPLICATE_RESOURCE', `a customer with email ${candidate.email} already exists`);
  }
  return json(201, context.store.insert(candidate));
}

/** `GET /v0/customers/{customer_id}`. */
export function getCustomer(context: SyncteraHandlerContext, rawId: string): SandboxResponse {
  const found = findCustomer(context, rawId);
  return found.ok ? json(200, found.value) : found.response;
}

/** `PUT /v0/customers/{customer_id}` (replace) and `PATCH /v0/customers/{customer_id}` (partial). */
export function updateCustomer(context: SyncteraHandlerContext, rawId: string, request: SandboxRequest, mode: Exclude<WriteMode, 'create'>): SandboxResponse {
  const found = findCustomer(context, rawId);
  if (!found.ok) return found.response;
  const current = found.value;
  const body = readBody(request.body);
  if (!body.ok) return body.response;
  const problems = new BodyProblems();
  const tools = writeTools(context);
  const fields = readCustomerBody(body.value, mode, current, today(context), problems);
  const candidate = mode === 'replace' ? replacedCustomer(current, fields, tools) : patchedCustomer(current, fields, tools);
  checkCustomerRules(candidate, current, fields, problems);
  if (!problems.empty) return problems.toResponse();
  return json(200, context.store.replace(candidate));
}

/**
 * A malformed id is a 400: the catalogue admits that v0 answers bad URLs with 400 rather than 404 ("lots of v0
 * code gets this wrong"), and the spec lists 400 for these operations. BAD_REQUEST is the catalogue's code for
 * "a problem with the URL"; BAD_QUERY_PARAMETER is kept for the query string.
 */
function findCustomer(context: SyncteraHandlerContext, rawId: string): Outcome<SyncteraCustomer> {
  if (!UUID_PATTERN.test(rawId)) return { ok: false, response: problem('BAD_REQUEST', `customer_id: "${rawId}" is not a valid UUID`) };
  const customer = context.store.get(rawId.toLowerCase());
  return customer === undefined ? { ok: false, response: customerNotFound(rawId) } : { ok: true, value: customer };
}

/** The JSON object of a write, or the BAD_REQUEST_BODY answer. */
function readBody(text: string): Outcome<Record<string, unknown>> {
  const parsed = parseJsonBody(text);
  const fail = (detail: string) => ({ ok: false as const, response: problem('BAD_REQUEST_BODY', detail) });
  if (parsed === undefined) return fail('request body is required');
  if (parsed instanceof SyntaxError) return fail(`request body is not valid JSON: ${parsed.message}`);
  if (!isPlainObject(parsed)) return fail('request body must be a JSON object');
  return { ok: true, value: parsed };
}

type Outcome<T> = { ok: true; value: T } | { ok: false; response: SandboxResponse };

function writeTools(context: SyncteraHandlerContext): WriteTools {
  return { newId: context.newId, now: context.now().toISOString() };
}

function today(context: SyncteraHandlerContext): string {
  return context.now().toISOString().slice(0, 10);
}
