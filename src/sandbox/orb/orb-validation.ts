import { isPlainObject } from '../shared/sandbox-http';
import { issue, type OrbValidationIssue } from './orb-errors';
import { ADDRESS_KEYS, boolean, EMAIL, emails, object, required, string, stringList, stringMap, timezone, type Check } from './orb-validation-checks';
import { ORB_PAYMENT_PROVIDERS, type OrbAddress, type OrbPaymentProvider, type OrbTaxId } from './orb-types';

/** A create or update body after validation: only known keys, with their types checked. */
export interface OrbCustomerInput {
  email?: string;
  name?: string;
  external_customer_id?: string | null;
  currency?: string | null;
  timezone?: string | null;
  metadata?: Record<string, string | null> | null;
  billing_address?: Partial<OrbAddress> | null;
  shipping_address?: Partial<OrbAddress> | null;
  additional_emails?: string[] | null;
  auto_collection?: boolean | null;
  auto_issuance?: boolean | null;
  email_delivery?: boolean | null;
  payment_provider?: OrbPaymentProvider | null;
  payment_provider_id?: string | null;
  tax_id?: OrbTaxId | null;
  hierarchy?: { child_customer_ids?: string[]; parent_customer_id?: string | null } | null;
  reporting_configuration?: { exempt: boolean } | null;
  accounting_sync_configuration?: Record<string, unknown> | null;
  payment_configuration?: Record<string, unknown> | null;
  tax_configuration?: { tax_provider: string; tax_exempt: boolean; automatic_tax_enabled?: boolean | null } | null;
  default_payment_method_id?: string | null;
}

/** Every body key Orb's `CustomerCreateParams` knows (orb.md §2); all nullable, as the SDK types say. */
const CREATE_FIELDS: Record<string, Check> = {
  email: string(500, EMAIL, 'a valid email address'),
  name: string(500),
  external_customer_id: string(500),
  currency: string(3, /^[A-Z]{3}$/, 'an ISO 4217 currency code'),
  timezone,
  metadata: stringMap(null, string(2000, undefined, undefined, true)),
  billing_address: stringMap(ADDRESS_KEYS, string(500, undefined, undefined, true)),
  shipping_address: stringMap(ADDRESS_KEYS, string(500, undefined, undefined, true)),
  additional_emails: emails,
  auto_collection: boolean,
  auto_issuance: boolean,
  email_delivery: boolean,
  payment_provider: (value, field, issues) => {
    if (!ORB_PAYMENT_PROVIDERS.includes(value as OrbPaymentProvider)) {
      issues.push(issue(field, `value is not a valid enumeration member; permitted: ${ORB_PAYMENT_PROVIDERS.map((name) => `'${name}'`).join(', ')}`, 'type_error.enum'));
    }
  },
  payment_provider_id: string(500),
  tax_id: required({ country: string(2, /^[A-Z]{2}$/, 'an ISO 3166 country code'), type: string(20), value: string(100) }),
  hierarchy: stringMap(new Set(['child_customer_ids', 'parent_customer_id']), (value, field, issues) =>
    field.endsWith('child_customer_ids') ? stringList(value, field, issues) : string(100)(value, field, issues)),
  reporting_configuration: required({ exempt: boolean }),
  accounting_sync_configuration: object(() => undefined),
  payment_configuration: object(() => undefined),
  tax_configuration: object((value, field, issues) => {
    string(20)(value.tax_provider, `${field}.tax_provider`, issues);
    boolean(value.tax_exempt, `${field}.tax_exempt`, issues);
  }),
};

/** Update takes the create fields less `timezone` (immutable) plus `default_payment_method_id` (orb.md §2). */
const UPDATE_FIELDS: Record<string, Check> = {
  ...Object.fromEntries(Object.entries(CREATE_FIELDS).filter(([key]) => key !== 'timezone')),
  default_payment_method_id: string(100),
};

/**
 * Checks a customer body. Unknown keys are refused ("extra fields not permitted"): Orb's docs are silent on them,
 * and refusing surfaces an adapter's misspelt field instead of dropping it without a word.
 */
export function validateCustomerBody(body: unknown, mode: 'create' | 'update'): { input: OrbCustomerInput } | { issues: OrbValidationIssue[] } {
  if (!isPlainObject(body)) return { issues: [issue('body', 'value is not a valid dict', 'type_error.dict')] };
  const fields = mode === 'create' ? CREATE_FIELDS : UPDATE_FIELDS;
  const issues: OrbValidationIssue[] = [];
  for (const [key, value] of Object.entries(body)) {
    const check = fields[key];
    if (check === undefined) {
      const message = key === 'timezone' ? 'timezone cannot be changed after customer creation' : 'extra fields not permitted';
      issues.push(issue(key, message, key === 'timezone' ? 'value_error.immutable' : 'value_error.extra'));
    } else if (value === null) {
      // Every field is nullable except the two a customer cannot be without.
      if (key === 'email' || key === 'name') issues.push(issue(key, 'none is not an allowed value', 'type_error.none.not_allowed'));
    } else {
      check(value, key, issues);
    }
  }
  if (mode === 'create') {
    for (const key of ['email', 'name']) if (body[key] === undefined) issues.push(issue(key, 'field required', 'value_error.missing'));
  }
  return issues.length > 0 ? { issues } : { input: body as OrbCustomerInput };
}
