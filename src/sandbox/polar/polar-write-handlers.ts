import { json, empty, type SandboxRequest, type SandboxResponse } from '../shared/sandbox-http';
import { parsePolarCreateBody } from './polar-create-body';
import { deletePolarCustomer } from './polar-delete';
import { polarValidation, type PolarValidationIssue } from './polar-errors';
import { ensurePolarHistory } from './polar-history';
import { readQueryBoolean } from './polar-list-query';
import { isPolarResponse, resolvePolarTarget, type PolarTarget, type PolarWorld } from './polar-read-handlers';
import { readJsonRequestBody, readUuid4 } from './polar-request-body';
import { serializePolarCustomer } from './polar-serialize';
import { parsePolarUpdateBody } from './polar-update-body';
import { createPolarCustomer, updatePolarCustomer } from './polar-writes';

/**
 * An organization access token is the organization, so `organization_id` in the body is refused; a personal
 * access token (`polar_pat_…`) must name the organization. Polar reports both without the `body` prefix.
 */
function organizationIssue(world: PolarWorld, token: string, organizationId: string | null): PolarValidationIssue | null {
  if (!token.startsWith('polar_pat_')) {
    if (organizationId === null) return null;
    const msg = 'Setting organization_id is disallowed when using an organization token.';
    return { type: 'organization_token', loc: ['organization_id'], msg, input: organizationId };
  }
  if (organizationId === null) return { type: 'missing', loc: ['organization_id'], msg: 'Field required', input: null };
  if (organizationId !== world.catalog.organizationId) {
    return { type: 'invalid_organization', loc: ['organization_id'], msg: 'This organization does not exist.', input: organizationId };
  }
  return null;
}

export function createPolarCustomerRoute(world: PolarWorld, request: SandboxRequest, token: string): SandboxResponse {
  const body = readJsonRequestBody(request.body);
  if ('issue' in body) return polarValidation([body.issue]);
  const input = parsePolarCreateBody(body.value);
  if (Array.isArray(input)) return polarValidation(input);
  const organization = organizationIssue(world, token, input.organizationId);
  if (organization !== null) return polarValidation([organization]);
  const outcome = createPolarCustomer(world.store, input, world.catalog.organizationId, world.now(), world.random);
  if ('issues' in outcome) return polarValidation(outcome.issues, 'service');
  return json(201, serializePolarCustomer(outcome.record));
}

export function updatePolarCustomerRoute(world: PolarWorld, request: SandboxRequest, target: PolarTarget): SandboxResponse {
  // FastAPI validates the path and the body together and reports both before the handler looks anything up.
  const issues: PolarValidationIssue[] = [];
  if ('id' in target) readUuid4(target.id, ['path', 'id'], issues);
  const body = readJsonRequestBody(request.body);
  const input = 'issue' in body ? [body.issue] : parsePolarUpdateBody(body.value, 'externalId' in target);
  if (Array.isArray(input)) issues.push(...input);
  if (issues.length > 0 || Array.isArray(input)) return polarValidation(issues);
  const record = resolvePolarTarget(world, target);
  if (isPolarResponse(record)) return record;
  const outcome = updatePolarCustomer(world.store, record, input, world.now());
  if ('issues' in outcome) return polarValidation(outcome.issues, 'service');
  return json(200, serializePolarCustomer(outcome.record));
}

export function deletePolarCustomerRoute(world: PolarWorld, request: SandboxRequest, target: PolarTarget): SandboxResponse {
  const issues: PolarValidationIssue[] = [];
  if ('id' in target) readUuid4(target.id, ['path', 'id'], issues);
  const anonymize = readQueryBoolean(request.query, 'anonymize', issues) ?? false;
  if (issues.length > 0) return polarValidation(issues);
  const record = resolvePolarTarget(world, target);
  if (isPolarResponse(record)) return record;
  const at = world.now();
  ensurePolarHistory(record, world.catalog, world.streams);
  world.store.remove(record, () => deletePolarCustomer(record, at, anonymize));
  return empty(204);
}
