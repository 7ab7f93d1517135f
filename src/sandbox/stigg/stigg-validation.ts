import { isPlainObject } from '../shared/sandbox-http';

/**
 * Body checks for provision, update and import, after the SDK's parameter types: unknown properties are
 * rejected (Stigg's DTOs are whitelisted), and each message names the property first. Every function returns
 * the first problem, or null when the value is acceptable.
 */

export type Problem = string | null;

/** The customer slug rule from Stigg's API reference: 1–255 characters, starting with a letter or digit. */
const CUSTOMER_ID = /^[a-zA-Z0-9][a-zA-Z0-9_|.@-]*$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const VENDORS = new Set(['AUTH0', 'ZUORA', 'STRIPE', 'HUBSPOT', 'AWS_MARKETPLACE', 'SNOWFLAKE', 'SALESFORCE', 'BIG_QUERY', 'OPEN_FGA', 'APP_STORE', 'RECEIVED', 'PREQUEL', 'AIRWALLEX', 'STRIPE_INVOICING']);
const PAYMENT_TYPES = new Set(['CARD', 'BANK', 'CASH_APP']);
// The SDK lists 116 lower-case ISO 4217 codes without saying which; the runtime's currency list stands in for it.
const CURRENCIES = new Set(Intl.supportedValuesOf('currency').map((code) => code.toLowerCase()));

export function unknownProperty(body: Record<string, unknown>, allowed: ReadonlySet<string>): Problem {
  const extra = Object.keys(body).find((key) => !allowed.has(key));
  return extra === undefined ? null : `property ${extra} should not exist`;
}

export function customerId(name: string, value: unknown): Problem {
  if (typeof value !== 'string') return `${name} must be a string`;
  if (value.length === 0) return `${name} should not be empty`;
  if (value.length > 255) return `${name} must be shorter than or equal to 255 characters`;
  return CUSTOMER_ID.test(value) ? null : `${name} must match ${CUSTOMER_ID.source} regular expression`;
}

export function nullableString(name: string, value: unknown, maxLength = 255): Problem {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') return `${name} must be a string`;
  return value.length > maxLength ? `${name} must be shorter than or equal to ${maxLength} characters` : null;
}

export function nullableEmail(name: string, value: unknown): Problem {
  const problem = nullableString(name, value);
  if (problem !== null || typeof value !== 'string') return problem;
  return EMAIL.test(value) ? null : `${name} must be an email`;
}

export function billingCurrency(value: unknown): Problem {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' && CURRENCIES.has(value) && value === value.toLowerCase()
    ? null
    : 'billingCurrency must be a lower-case ISO 4217 currency code';
}

export function timezone(value: unknown): Problem {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') return 'timezone must be a string';
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return null;
  } catch {
    return 'timezone must be a valid IANA time zone';
  }
}

export function metadata(value: unknown): Problem {
  if (value === undefined) return null;
  if (!isPlainObject(value)) return 'metadata must be an object';
  const bad = Object.entries(value).find(([, entry]) => typeof entry !== 'string');
  return bad === undefined ? null : `metadata.${bad[0]} must be a string`;
}

export function integrations(value: unknown): Problem {
  if (value === undefined) return null;
  if (!Array.isArray(value)) return 'integrations must be an array';
  for (const [index, item] of value.entries()) {
    const name = `integrations.${index}`;
    if (!isPlainObject(item)) return `${name} must be an object`;
    const problem =
      unknownProperty(item, new Set(['id', 'syncedEntityId', 'vendorIdentifier'])) ??
      (typeof item.id === 'string' ? null : `${name}.id must be a string`) ??
      nullableString(`${name}.syncedEntityId`, item.syncedEntityId) ??
      (VENDORS.has(String(item.vendorIdentifier)) ? null : `${name}.vendorIdentifier must be one of the following values: ${[...VENDORS].join(', ')}`);
    if (problem !== null) return problem.startsWith('property ') ? `${name}.${problem.slice('property '.length)}` : problem;
  }
  return null;
}

export function defaultPaymentMethod(value: unknown): Problem {
  if (value === null || value === undefined) return null;
  if (!isPlainObject(value)) return 'defaultPaymentMethod must be an object';
  const integerOrNull = (name: string, entry: unknown, min: number, max: number) =>
    entry === null || entry === undefined || (Number.isInteger(entry) && (entry as number) >= min && (entry as number) <= max)
      ? null
      : `defaultPaymentMethod.${name} must be an integer from ${min} to ${max}`;
  return (
    unknownProperty(value, new Set(['billingId', 'cardExpiryMonth', 'cardExpiryYear', 'cardLast4Digits', 'type'])) ??
    (PAYMENT_TYPES.has(String(value.type)) ? null : 'defaultPaymentMethod.type must be one of the following values: CARD, BANK, CASH_APP') ??
    nullableString('defaultPaymentMethod.billingId', value.billingId) ??
    integerOrNull('cardExpiryMonth', value.cardExpiryMonth, 1, 12) ??
    integerOrNull('cardExpiryYear', value.cardExpiryYear, 1970, 9999) ??
    (value.cardLast4Digits === null || value.cardLast4Digits === undefined || (typeof value.cardLast4Digits === 'string' && /^\d{4}$/.test(value.cardLast4Digits))
      ? null
      : 'defaultPaymentMethod.cardLast4Digits must be four digits')
  );
}

/** Billing passthrough goes to the billing provider and is not stored by Stigg; only its outline is checked. */
export function passthrough(value: unknown): Problem {
  if (value === undefined) return null;
  if (!isPlainObject(value)) return 'passthrough must be an object';
  return unknownProperty(value, new Set(['stripe', 'zuora'])) ?? (Object.values(value).every(isPlainObject) ? null : 'passthrough.stripe and passthrough.zuora must be objects');
}

export function dateTime(name: string, value: unknown): Problem {
  if (value === undefined) return null;
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}T/.test(value) ? null : `${name} must be a valid ISO 8601 date string`;
}
