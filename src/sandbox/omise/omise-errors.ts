import type { FaultResponseKind } from '../shared/simulator';
import { json, type SandboxResponse } from '../shared/sandbox-http';

/**
 * Omise's error object: `{object: "error", location, code, message}`, where `location` links the code's entry on
 * the errors page (`https://www.omise.co/api-errors#<code with dashes>`), as the documented examples show.
 */
export function omiseError(status: number, code: string, message: string, headers?: Record<string, string>): SandboxResponse {
  return json(status, { object: 'error', location: `https://www.omise.co/api-errors#${code.replace(/_/g, '-')}`, code, message }, headers);
}

/** The exact body of the documented example (a missing, empty or refused key). */
export function authenticationFailure(): SandboxResponse {
  return omiseError(401, 'authentication_failure', 'authentication failed');
}

/** `kind` is the lower-case object name: omise-go's fixture reads "customer missing was not found". */
export function notFound(kind: string, id: string): SandboxResponse {
  return omiseError(404, 'not_found', `${kind} ${id} was not found`);
}

export function badRequest(message: string): SandboxResponse {
  return omiseError(400, 'bad_request', message);
}

/**
 * 422 for the search and token codes. The docs list `used_token`, `invalid_filters`, `invalid_page` and
 * `invalid_scope` without pinning each to a status; 422 (Unprocessable Entity) is the status their errors page
 * gives to validation failures, so they share it here.
 */
export function unprocessable(code: 'used_token' | 'invalid_filters' | 'invalid_page' | 'invalid_scope', message: string): SandboxResponse {
  return omiseError(422, code, message);
}

/**
 * Injected faults. The errors page lists 429, 500 and 503 but gives no code names or headers for them, so these
 * codes are the status names in Omise's snake_case style; a 429 carries `Retry-After` as the sandbox promises.
 */
export function omiseFaultResponse(fault: FaultResponseKind): SandboxResponse {
  if (fault.kind === 'rate-limit') {
    // Omise documents no Retry-After, so its enforced limit sends none.
    return omiseError(429, 'too_many_requests', 'too many requests', fault.enforced === true ? undefined : { 'retry-after': String(fault.retryAfterSeconds) });
  }
  const names: Record<number, [string, string]> = {
    500: ['internal_error', 'internal error'],
    502: ['bad_gateway', 'bad gateway'],
    503: ['service_unavailable', 'service unavailable'],
    504: ['gateway_timeout', 'gateway timeout'],
  };
  const [code, message] = names[fault.status] ?? ['server_error', `server error (${fault.status})`];
  return omiseError(fault.status, code, message);
}
