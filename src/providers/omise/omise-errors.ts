import type { ErrorBodyParser, ErrorDetails, ProviderErrorCode } from '../spec/errors';

/** Omise body fields in the gateway's vocabulary, so a validation error names the input the caller sent. */
const FIELD_NAMES: Record<string, string> = {
  email: 'email',
  description: 'name',
  metadata: 'metadata',
  card: 'providerFields.card',
  token: 'providerFields.card',
  default_card: 'providerFields.default_card',
  linked_account: 'providerFields.linked_account',
};

/** Codes whose meaning is not what their status alone says. */
const CODE_OVERRIDES: Record<string, ProviderErrorCode> = {
  used_token: 'VALIDATION',
  invalid_filters: 'VALIDATION',
  invalid_page: 'VALIDATION',
  invalid_scope: 'VALIDATION',
};

/**
 * A `not_found` about something named in the body (a token, a card, a linked account) is a bad input on a write,
 * not a missing customer: "token tokn_x was not found" must not read as "no such customer".
 */
const NOT_FOUND_INPUTS: Record<string, string> = {
  token: 'providerFields.card',
  card: 'providerFields.default_card',
  linked_account: 'providerFields.linked_account',
};

/** Reads Omise's error object `{object: "error", location, code, message}`. */
export const parseOmiseError: ErrorBodyParser = (status, body) => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    const text = typeof body === 'string' && body.trim() !== '' ? `: ${body.trim().slice(0, 200)}` : '';
    return { message: `Omise answered ${status}${text}` };
  }
  const error = body as Record<string, unknown>;
  const code = typeof error.code === 'string' ? error.code : null;
  const message = typeof error.message === 'string' && error.message !== '' ? error.message : `Omise answered ${status}${code === null ? '' : ` (${code})`}`;
  const details: ErrorDetails = { message, providerCode: code };
  const subject = message.split(' ')[0] ?? '';
  if (code === 'not_found' && NOT_FOUND_INPUTS[subject] !== undefined) {
    details.code = 'VALIDATION';
    details.field = NOT_FOUND_INPUTS[subject];
    return details;
  }
  const override = code === null ? undefined : CODE_OVERRIDES[code];
  if (override !== undefined) details.code = override;
  // Omise's messages lead with the field ("email is invalid"); that is the only place it names one.
  if (status === 400 || status === 422) details.field = FIELD_NAMES[subject] ?? null;
  return details;
};
