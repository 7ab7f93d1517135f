import type { ErrorBodyParser, ErrorDetails } from '../spec/errors';

/** Polar body field names → the gateway's field names, for validation errors the gateway shows per input field. */
const FIELD_NAMES: Record<string, string> = {
  email: 'email',
  name: 'name',
  external_id: 'externalId',
  metadata: 'metadata',
  billing_address: 'billingAddress',
  tax_id: 'providerFields.tax_id',
  locale: 'providerFields.locale',
  organization_id: 'providerFields.organization_id',
  owner: 'providerFields.owner',
  type: 'providerFields.type',
};

/** Where a request part or a union tag opens the location (`["body", "individual", "email"]`), not a field. */
const LOCATION_PREFIXES = new Set(['body', 'query', 'path', 'individual', 'team']);

interface PolarIssue {
  type?: unknown;
  loc?: unknown;
  msg?: unknown;
}

function issueField(issue: PolarIssue): string | null {
  if (!Array.isArray(issue.loc)) return null;
  const parts = issue.loc.filter((part) => !LOCATION_PREFIXES.has(String(part)));
  const first = parts[0];
  if (first === undefined) return null;
  const mapped = FIELD_NAMES[String(first)];
  // A nested location keeps its path below the mapped field (`billingAddress.country`).
  return mapped === undefined ? parts.join('.') : [mapped, ...parts.slice(1)].join('.');
}

function describe(issue: PolarIssue): string {
  const where = Array.isArray(issue.loc) ? issue.loc.join('.') : '';
  const message = typeof issue.msg === 'string' ? issue.msg : 'invalid';
  return where === '' ? message : `${where}: ${message}`;
}

/**
 * Polar's error bodies: `{"error": "<ExceptionClass>", "detail": "<message>"}` for most errors, `detail` as a list
 * of pydantic errors for 422 (duplicates too: those become CONFLICT), `{"detail": "Not Found"}` from the router,
 * and an empty body with `retry-after` for 429.
 */
export const parsePolarError: ErrorBodyParser = (status, body): ErrorDetails => {
  const record = typeof body === 'object' && body !== null ? (body as { error?: unknown; detail?: unknown }) : {};
  const providerCode = typeof record.error === 'string' ? record.error : null;
  if (Array.isArray(record.detail)) {
    const issues = record.detail as PolarIssue[];
    const first = issues[0] ?? {};
    const duplicate = issues.some((issue) => typeof issue.msg === 'string' && issue.msg.endsWith('already exists.'));
    return {
      message: issues.length === 0 ? `Polar refused the request (${status})` : issues.map(describe).join('; '),
      providerCode: providerCode ?? (typeof first.type === 'string' ? first.type : null),
      field: issueField(first),
      ...(duplicate ? { code: 'CONFLICT' as const } : {}),
    };
  }
  if (typeof record.detail === 'string') return { message: record.detail, providerCode };
  if (status === 429) return { message: 'Polar rate limit exceeded', providerCode: null };
  return { message: typeof body === 'string' && body !== '' ? body.slice(0, 200) : `Polar answered HTTP ${status}`, providerCode };
};
