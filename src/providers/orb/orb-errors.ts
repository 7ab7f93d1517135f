import type { ErrorBodyParser, ErrorDetails, ProviderErrorCode } from '../spec/errors';

/** Orb's `type` URIs end in a stable fragment (`#400-duplicate-resource-creation`): that fragment is the provider code. */
const CODE_OVERRIDES: Record<string, ProviderErrorCode> = {
  '400-duplicate-resource-creation': 'CONFLICT',
  // Orb sends this fragment with status 400 (the SDK matches it so); it means the feature is off for the account.
  '404-feature-not-available': 'UNSUPPORTED',
};

/** Orb body fields in the gateway's vocabulary, so a validation error names the input the caller sent. */
const FIELD_NAMES: Record<string, string> = {
  email: 'email',
  name: 'name',
  external_customer_id: 'externalId',
  metadata: 'metadata',
  currency: 'currency',
  timezone: 'timezone',
  billing_address: 'billingAddress',
};

/** Reads Orb's RFC 7807-style error body `{type, status, title, detail, validation_errors?}`. */
export const parseOrbError: ErrorBodyParser = (status, body) => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    const text = typeof body === 'string' && body.trim() !== '' ? `: ${body.trim().slice(0, 200)}` : '';
    return { message: `Orb answered ${status}${text}` };
  }
  const problem = body as Record<string, unknown>;
  const type = typeof problem.type === 'string' ? problem.type : null;
  const providerCode = type === null ? null : (type.split('#')[1] ?? type);
  const title = typeof problem.title === 'string' ? problem.title : null;
  const detail = typeof problem.detail === 'string' ? problem.detail : null;
  const details: ErrorDetails = {
    message: [title, detail].filter((part) => part !== null && part !== '').join(': ') || `Orb answered ${status}`,
    providerCode,
    field: firstField(problem.validation_errors),
  };
  const override = providerCode === null ? undefined : CODE_OVERRIDES[providerCode];
  if (override !== undefined) details.code = override;
  return details;
};

/**
 * Orb documents `validation_errors` only as an array. Both shapes seen in the wild are read: pydantic-style
 * objects (`{loc: ['body', 'email'], msg}`) and strings (`"email: field required"`).
 */
function firstField(errors: unknown): string | null {
  if (!Array.isArray(errors) || errors.length === 0) return null;
  const first: unknown = errors[0];
  let path: string | null = null;
  if (typeof first === 'string') path = first.split(':')[0]?.trim() ?? null;
  else if (typeof first === 'object' && first !== null && Array.isArray((first as { loc?: unknown }).loc)) {
    const parts = ((first as { loc: unknown[] }).loc).filter((part): part is string => typeof part === 'string' && part !== 'body');
    path = parts.join('.');
  }
  if (path === null || path === '') return null;
  const top = path.split('.')[0] as string;
  return FIELD_NAMES[top] ?? path;
}
