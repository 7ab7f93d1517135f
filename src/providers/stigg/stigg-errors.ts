import type { ErrorBodyParser, ErrorDetails, ProviderErrorCode } from '../spec/errors';
import { isObject } from '../kit/payload';

/**
 * Stigg's error bodies. Documented: `{"error": {"code": "UNAUTHENTICATED", "message": "..."}}` (the 401) and, on
 * the Edge API that serves entitlement reads, `{"error": "rate_limit_exceeded", "message": "Too many requests"}`.
 * Both are read; anything else keeps the status-derived code with a generic message.
 */

/** Stigg codes whose meaning is sharper than their status. */
const CODES: Record<string, ProviderErrorCode> = {
  ALREADY_EXISTS: 'CONFLICT',
  DuplicatedEntityNotAllowed: 'CONFLICT',
  RESOURCE_EXHAUSTED: 'RATE_LIMITED',
  rate_limit_exceeded: 'RATE_LIMITED',
};

/** Stigg property names in the gateway's vocabulary (DESIGN §3); the rest are the same word. */
const FIELDS: Record<string, string> = { id: 'externalId', billingCurrency: 'currency' };

export const parseStiggError: ErrorBodyParser = (status, body): ErrorDetails => {
  const fallback = `Stigg answered HTTP ${status}`;
  if (isObject(body) && isObject(body.error)) {
    const code = typeof body.error.code === 'string' ? body.error.code : null;
    const message = typeof body.error.message === 'string' && body.error.message !== '' ? body.error.message : fallback;
    return { message, providerCode: code, field: fieldOf(message), code: code === null ? undefined : CODES[code] };
  }
  if (isObject(body) && typeof body.error === 'string') {
    return { message: typeof body.message === 'string' ? body.message : body.error, providerCode: body.error, code: CODES[body.error] };
  }
  if (isObject(body) && typeof body.message === 'string') {
    const code = typeof body.code === 'string' ? body.code : null;
    return { message: body.message, providerCode: code, field: fieldOf(body.message), code: code === null ? undefined : CODES[code] };
  }
  return { message: typeof body === 'string' && body.trim() !== '' ? `${fallback}: ${body.trim().slice(0, 200)}` : fallback };
};

/** Validation messages name the property first ("email must be an email", "property foo should not exist"). */
function fieldOf(message: string): string | null {
  const match = /^(?:property\s+)?([A-Za-z][A-Za-z0-9_]*)\S*\s+(?:must|should)\b/.exec(message);
  if (match === null) return null;
  const name = match[1] as string;
  return FIELDS[name] ?? name;
}

