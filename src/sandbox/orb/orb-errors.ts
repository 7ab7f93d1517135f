import { json, type SandboxResponse } from '../shared/sandbox-http';

/**
 * Orb's RFC 7807-style error bodies (docs.withorb.com/reference/error-responses): `type` is the stable
 * identifier the official SDKs match on (together with the status), so these URIs must be exact.
 */
const TYPE_BASE = 'https://docs.withorb.com/reference/error-responses#';

/**
 * One entry of `validation_errors`. Orb documents only "an array"; the element shape here (pydantic-style
 * `loc`/`msg`/`type`) is our guess, chosen because it names the field and Orb's API is pydantic-validated.
 */
export interface OrbValidationIssue {
  loc: (string | number)[];
  msg: string;
  type: string;
}

function problem(status: number, type: string, title: string, detail: string, extra: Record<string, unknown> = {}, headers?: Record<string, string>): SandboxResponse {
  return json(status, { type: `${TYPE_BASE}${type}`, status, title, detail, ...extra }, headers);
}

export const orbErrors = {
  unauthenticated: (): SandboxResponse =>
    problem(401, '401-authentication-error', 'Authentication failure', 'Your request did not provide a valid or well-formatted API key.'),

  validation: (issues: readonly OrbValidationIssue[]): SandboxResponse =>
    problem(400, '400-request-validation-errors', 'Request validation error', issues.map((issue) => `${issue.loc.join('.')}: ${issue.msg}`).join('; '), {
      validation_errors: issues,
    }),

  constraint: (detail: string): SandboxResponse => problem(400, '400-constraint-violation', 'Constraint violation', detail),

  // Orb documents this type for "the ID passed to the creation request already exists"; that a duplicate
  // `external_customer_id` at customer creation triggers it is our reading, not verified against the live API.
  duplicate: (detail: string): SandboxResponse => problem(400, '400-duplicate-resource-creation', 'Duplicate resource creation', detail),

  notFound: (identifier: string, by = 'identifier'): SandboxResponse =>
    problem(404, '404-resource-not-found', 'A specified resource was not found.', `Could not find a resource of type Customer with ${by}: ${identifier}.`),

  urlNotFound: (method: string, path: string): SandboxResponse =>
    problem(404, '404-url-not-found', 'URL not found', `The requested URL ${method} ${path} was not found on this server.`),

  conflict: (detail: string): SandboxResponse => problem(409, '409-resource-conflict', 'Resource conflict', detail),

  /** Orb does not document Retry-After, so its real limit is answered without one (null). */
  tooManyRequests: (retryAfterSeconds: number | null): SandboxResponse =>
    problem(429, '429-too-many-requests', 'Too many requests', 'Rate limit exceeded; retry with exponential backoff.', {}, retryAfterSeconds === null ? {} : { 'retry-after': String(retryAfterSeconds) }),

  /** An injected status outside the cases above, in the same envelope. */
  other: (status: number): SandboxResponse => problem(status, `${status}-error`, 'Request failed', `The request failed with status ${status}.`),

  // Orb marks transient 5xx with `Transient-Error: true` (orb.md §5); every injected 5xx is transient.
  server: (status: number): SandboxResponse =>
    problem(status, '500-internal-server-error', 'Internal server error', 'An unexpected error occurred; please retry.', {}, { 'transient-error': 'true' }),
};

export function issue(field: string | (string | number)[], msg: string, type = 'value_error'): OrbValidationIssue {
  return { loc: Array.isArray(field) ? field : [field], msg, type };
}
