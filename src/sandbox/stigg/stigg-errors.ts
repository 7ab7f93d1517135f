import { json, type SandboxResponse } from '../shared/sandbox-http';
import type { FaultResponseKind } from '../shared/simulator';

/**
 * Stigg documents one error body, the 401 on its API-keys page:
 * `{"error": {"code": "UNAUTHENTICATED", "message": "Invalid or missing API key"}}`.
 * Every other error body is undocumented, so the simulator answers all of them in that same shape, with codes
 * from the same (gRPC-style) vocabulary as UNAUTHENTICATED. Messages name the offending property first, in the
 * class-validator style ("email must be an email"), so a client can tell which field was wrong.
 */

export type StiggErrorCode =
  | 'UNAUTHENTICATED'
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'ABORTED'
  | 'RESOURCE_EXHAUSTED'
  | 'INTERNAL'
  | 'UNAVAILABLE';

export function stiggError(status: number, code: StiggErrorCode, message: string, headers?: Record<string, string>): SandboxResponse {
  return json(status, { error: { code, message } }, headers);
}

export const unauthenticated = (): SandboxResponse => stiggError(401, 'UNAUTHENTICATED', 'Invalid or missing API key');

export const invalidArgument = (message: string): SandboxResponse => stiggError(400, 'INVALID_ARGUMENT', message);

export const customerNotFound = (id: string): SandboxResponse => stiggError(404, 'NOT_FOUND', `Customer with id ${id} not found`);

export function faultResponse(fault: FaultResponseKind): SandboxResponse {
  if (fault.kind === 'rate-limit') {
    // Stigg's 429s carry no Retry-After (stigg.md §5), so its enforced limit sends none.
    return stiggError(429, 'RESOURCE_EXHAUSTED', 'Too many requests', fault.enforced === true ? undefined : { 'retry-after': String(fault.retryAfterSeconds) });
  }
  const [code, message] = FAULT_CODES[fault.status] ?? ['INTERNAL', 'Internal server error'];
  return stiggError(fault.status, code, message);
}

/** Injected statuses below 500 are rare, but render them with a fitting code too. */
const FAULT_CODES: Record<number, [StiggErrorCode, string]> = {
  400: ['INVALID_ARGUMENT', 'Bad request'],
  401: ['UNAUTHENTICATED', 'Invalid or missing API key'],
  404: ['NOT_FOUND', 'Not found'],
  409: ['ABORTED', 'Conflict'],
  429: ['RESOURCE_EXHAUSTED', 'Too many requests'],
  503: ['UNAVAILABLE', 'Service unavailable'],
};
