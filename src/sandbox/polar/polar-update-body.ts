import { isPlainObject } from '../shared/sandbox-http';
import type { PolarValidationIssue } from './polar-errors';
import type { PolarAddress, PolarCustomerType, PolarMetadata } from './polar-types';
import { readAddress } from './polar-address-validation';
import { readEmail, readMetadata, readNullableString, type Issues } from './polar-validation';

/** Only the fields the request set (pydantic's `model_fields_set`); `null` is a value, absent is not. */
export interface PolarUpdateInput {
  metadata?: PolarMetadata;
  email?: string | null;
  name?: string | null;
  billingAddress?: PolarAddress | null;
  taxId?: string | null;
  locale?: string | null;
  externalId?: string | null;
  type?: PolarCustomerType | null;
}

/**
 * `CustomerUpdate` (by id) or `CustomerUpdateExternalID` (by external ID, which has no `external_id` or `type`:
 * those keys are then ignored like any unknown field).
 */
export function parsePolarUpdateBody(body: unknown, byExternalId: boolean): PolarUpdateInput | PolarValidationIssue[] {
  if (!isPlainObject(body)) {
    return [{ type: 'model_attributes_type', loc: ['body'], msg: 'Input should be a valid dictionary or object to extract fields from', input: body }];
  }
  const issues: Issues = [];
  const input: PolarUpdateInput = {};
  const read = <K extends keyof PolarUpdateInput>(key: K, name: string, reader: (value: unknown) => PolarUpdateInput[K] | undefined) => {
    if (body[name] === undefined) return;
    const value = reader(body[name]);
    if (value !== undefined) input[key] = value;
  };
  read('metadata', 'metadata', (value) => readMetadata(value, ['body', 'metadata'], issues));
  read('email', 'email', (value) => (value === null ? null : readEmail(value, ['body', 'email'], issues)));
  read('name', 'name', (value) => readNullableString(value, ['body', 'name'], issues, 256));
  read('billingAddress', 'billing_address', (value) => readAddress(value, ['body', 'billing_address'], issues));
  read('taxId', 'tax_id', (value) => readNullableString(value, ['body', 'tax_id'], issues));
  read('locale', 'locale', (value) => readNullableString(value, ['body', 'locale'], issues));
  if (!byExternalId) {
    read('externalId', 'external_id', (value) => readNullableString(value, ['body', 'external_id'], issues));
    read('type', 'type', (value) => {
      if (value === null || value === 'individual' || value === 'team') return value;
      issues.push({ type: 'enum', loc: ['body', 'type'], msg: "Input should be 'individual' or 'team'", input: value, ctx: { expected: "'individual' or 'team'" } });
      return undefined;
    });
  }
  return issues.length > 0 ? issues : input;
}
