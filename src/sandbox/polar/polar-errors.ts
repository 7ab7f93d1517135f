import type { SandboxResponse } from '../shared/sandbox-http';
import { empty, json } from '../shared/sandbox-http';
import type { FaultResponseKind } from '../shared/simulator';

/** One pydantic error as FastAPI reports it in `detail[]`. */
export interface PolarValidationIssue {
  type: string;
  loc: (string | number)[];
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

/** Polar's generic handler names the exception class: `{"error": "<Class>", "detail": "<message>"}`. */
export function polarUnauthorized(): SandboxResponse {
  return json(401, { error: 'Unauthorized', detail: 'Unauthorized' }, { 'www-authenticate': 'Bearer realm="polar"' });
}

export function polarNotFound(): SandboxResponse {
  return json(404, { error: 'ResourceNotFound', detail: 'Not found' });
}

/**
 * 422 with pydantic errors. FastAPI's own request validation reports as `RequestValidationError`; checks the
 * service makes itself (duplicates, write-once fields) raise `PolarRequestValidationError`.
 */
export function polarValidation(issues: PolarValidationIssue[], source: 'request' | 'service' = 'request'): SandboxResponse {
  return json(422, { error: source === 'request' ? 'RequestValidationError' : 'PolarRequestValidationError', detail: issues });
}

/** Starlette's answers for paths and methods no route serves. */
export function polarRouteNotFound(): SandboxResponse {
  return json(404, { detail: 'Not Found' });
}

export function polarMethodNotAllowed(): SandboxResponse {
  return json(405, { detail: 'Method Not Allowed' });
}

/** 429 comes from asgi-ratelimit with an empty body and `retry-after` (enforced or injected alike); 5xx from the generic handler. */
export function polarFault(fault: FaultResponseKind): SandboxResponse {
  if (fault.kind === 'rate-limit') return empty(429, { 'retry-after': String(fault.retryAfterSeconds) });
  return json(fault.status, { error: 'InternalServerError', detail: 'Internal Server Error' });
}
