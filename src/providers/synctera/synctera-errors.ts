import type { ErrorBodyParser, ErrorDetails } from '../spec/errors';

/**
 * Reads Synctera's RFC 7807 problem reports: `{type, title, status, detail, code?}` plus, for BAD_REQUEST_BODY,
 * `missing[]`, `invalid{field: message}` and `immutable[]`; a 429 may carry `retry_after` (seconds).
 */
export const parseSyncteraError: ErrorBodyParser = (status, body) => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { message: `Synctera answered HTTP ${status}${typeof body === 'string' && body !== '' ? `: ${body.slice(0, 200)}` : ''}` };
  }
  const problem = body as Record<string, unknown>;
  const detail = text(problem.detail);
  const title = text(problem.title);
  // `code` is the v1 "sneak preview"; older answers have only `type`, whose last segment names the error.
  const providerCode = text(problem.code) ?? text(problem.type)?.split('/').pop() ?? null;
  const details: ErrorDetails = {
    message: detail ?? title ?? `Synctera answered HTTP ${status}`,
    providerCode,
    field: firstField(problem),
  };
  // Reusing an Idempotency-Key is a conflict between two requests, not a fault in this one's input.
  if (providerCode === 'IDEMPOTENCY_INVALID_REUSE' || providerCode === 'IDEMPOTENCY_CONCURRENT_USE') details.code = 'CONFLICT';
  const retryAfter = problem.retry_after;
  if (typeof retryAfter === 'number' && Number.isFinite(retryAfter) && retryAfter >= 0) details.retryAfterMs = retryAfter * 1000;
  return details;
};

/** Synctera body fields in the gateway's vocabulary, where one exists. */
const FIELD_NAMES: Record<string, string> = {
  first_name: 'name',
  last_name: 'name',
  email: 'email',
  metadata: 'metadata',
  legal_address: 'billingAddress',
};

function firstField(problem: Record<string, unknown>): string | null {
  const candidates: string[] = [];
  if (Array.isArray(problem.missing)) candidates.push(...problem.missing.filter((item): item is string => typeof item === 'string'));
  if (typeof problem.invalid === 'object' && problem.invalid !== null) candidates.push(...Object.keys(problem.invalid));
  if (Array.isArray(problem.immutable)) candidates.push(...problem.immutable.filter((item): item is string => typeof item === 'string'));
  const field = candidates[0];
  if (field === undefined) return null;
  const root = field.split('.')[0] as string;
  return FIELD_NAMES[root] ?? `providerFields.${field}`;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
