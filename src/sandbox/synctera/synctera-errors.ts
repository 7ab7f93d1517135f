import type { FaultResponseKind } from '../shared/simulator';
import type { SandboxResponse } from '../shared/sandbox-http';

/**
 * Synctera v0 errors are RFC 7807 problem reports (`application/problem+json`): `type` is a URI whose last
 * segment is the error type, `title` its human form, and `code` the v1 "sneak preview" code. Codes, statuses,
 * error types and titles come from Synctera's error catalogue (`v0/common/errorcodes.yml`).
 */
interface CatalogueEntry {
  status: number;
  errorType: string;
  title: string;
}

const CATALOGUE = {
  BAD_QUERY_PARAMETER: { status: 400, errorType: 'bad-request-query', title: 'Bad Request Query Parameter' },
  BAD_REQUEST: { status: 400, errorType: 'bad-request', title: 'Bad Request' },
  BAD_REQUEST_BODY: { status: 400, errorType: 'bad-request-body', title: 'Bad Request Body' },
  UNAUTHENTICATED: { status: 401, errorType: 'unauthenticated', title: 'Unauthenticated' },
  FORBIDDEN: { status: 403, errorType: 'forbidden', title: 'Forbidden' },
  RESOURCE_NOT_FOUND: { status: 404, errorType: 'not-found', title: 'Not Found' },
  DUPLICATE_RESOURCE: { status: 409, errorType: 'duplicate', title: 'Duplicate Resource' },
  IDEMPOTENCY_INVALID_REUSE: { status: 422, errorType: 'unprocessable-entity', title: 'Unprocessable Entity' },
  IDEMPOTENCY_CONCURRENT_USE: { status: 422, errorType: 'conflict', title: 'Conflict' },
  TOO_MANY_REQUESTS: { status: 429, errorType: 'too-many-requests', title: 'Too Many Requests' },
  INTERNAL_ERROR: { status: 500, errorType: 'internal-server-error', title: 'Internal Server Error' },
  NOT_IMPLEMENTED: { status: 501, errorType: 'not-implemented', title: 'Not Implemented' },
  GATEWAY_TIMEOUT: { status: 504, errorType: 'gateway-timeout', title: 'Gateway Timeout' },
} satisfies Record<string, CatalogueEntry>;

export type SyncteraErrorCode = keyof typeof CATALOGUE;

export const ERROR_TYPE_BASE = 'https://dev.synctera.com/errors/';
const PROBLEM_HEADERS = { 'content-type': 'application/problem+json' };

export function problem(code: SyncteraErrorCode, detail: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): SandboxResponse {
  const entry: CatalogueEntry = CATALOGUE[code];
  return {
    status: entry.status,
    headers: { ...PROBLEM_HEADERS, ...headers },
    json: { type: `${ERROR_TYPE_BASE}${entry.errorType}`, title: entry.title, status: entry.status, detail, code, ...extra },
  };
}

export function unauthenticated(): SandboxResponse {
  return problem('UNAUTHENTICATED', 'missing or invalid API key: send "Authorization: Bearer <api key>"');
}

export function customerNotFound(id: string): SandboxResponse {
  return problem('RESOURCE_NOT_FOUND', `customer ${id} not found`);
}

/** No catalogue code exists for a wrong method (there is no DELETE of a customer); 405 says it plainly. */
export function methodNotAllowed(method: string, path: string): SandboxResponse {
  const allow = /^\/v0\/customers\/?$/.test(path) ? 'GET, POST' : 'GET, PATCH, PUT';
  return {
    status: 405,
    headers: { ...PROBLEM_HEADERS, allow },
    json: { type: `${ERROR_TYPE_BASE}method-not-allowed`, title: 'Method Not Allowed', status: 405, detail: `${method} is not allowed on ${path}` },
  };
}

/**
 * The collected faults of one request body. Synctera reports them together in one BAD_REQUEST_BODY with the
 * catalogue's extra fields `missing`, `invalid` and `immutable` (each only when non-empty).
 */
export class BodyProblems {
  readonly missing: string[] = [];
  readonly invalid: Record<string, string> = {};
  readonly immutable: string[] = [];

  get empty(): boolean {
    return this.missing.length === 0 && this.immutable.length === 0 && Object.keys(this.invalid).length === 0;
  }

  toResponse(): SandboxResponse {
    const parts: string[] = [];
    const extra: Record<string, unknown> = {};
    if (this.missing.length > 0) {
      parts.push(`missing required fields: ${this.missing.join(', ')}`);
      extra.missing = this.missing;
    }
    const invalidFields = Object.keys(this.invalid);
    if (invalidFields.length > 0) {
      parts.push(`invalid fields: ${invalidFields.join(', ')}`);
      extra.invalid = this.invalid;
    }
    if (this.immutable.length > 0) {
      parts.push(`immutable fields: ${this.immutable.join(', ')}`);
      extra.immutable = this.immutable;
    }
    return problem('BAD_REQUEST_BODY', parts.join('; '), extra);
  }
}

/** The catalogue code an injected status is rendered with. */
const FAULT_CODES: Partial<Record<number, SyncteraErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'RESOURCE_NOT_FOUND',
  409: 'DUPLICATE_RESOURCE',
  500: 'INTERNAL_ERROR',
  501: 'NOT_IMPLEMENTED',
  504: 'GATEWAY_TIMEOUT',
};

/** Statuses the catalogue has no code for still get a problem report, typed after the HTTP reason. */
const UNCATALOGUED: Record<number, [string, string]> = {
  502: ['bad-gateway', 'Bad Gateway'],
  503: ['service-unavailable', 'Service Unavailable'],
};

/**
 * An injected fault in Synctera's shape; a 429 carries `Retry-After` and the catalogue's `retry_after` body field.
 * The enforced limit answers as the catalogue documents: the body field only, no header.
 */
export function syncteraFaultResponse(fault: FaultResponseKind): SandboxResponse {
  if (fault.kind === 'rate-limit') {
    const seconds = fault.retryAfterSeconds;
    const headers: Record<string, string> = fault.enforced === true ? {} : { 'retry-after': String(seconds) };
    return problem('TOO_MANY_REQUESTS', 'rate limit exceeded; retry later', { retry_after: seconds }, headers);
  }
  const known = FAULT_CODES[fault.status];
  if (known !== undefined) return problem(known, `injected fault: HTTP ${fault.status}`);
  const [errorType, title] = UNCATALOGUED[fault.status] ??
    (fault.status >= 500 ? ['internal-server-error', 'Internal Server Error'] : ['bad-request', 'Bad Request']);
  return {
    status: fault.status,
    headers: PROBLEM_HEADERS,
    json: { type: `${ERROR_TYPE_BASE}${errorType}`, title, status: fault.status, detail: `injected fault: HTTP ${fault.status}` },
  };
}
