import { isPlainObject } from '../shared/sandbox-http';
import type { PolarValidationIssue } from './polar-errors';
import { readUuid4 } from './polar-request-body';
import type { PolarAddress, PolarCustomerType, PolarMetadata } from './polar-types';
import { readAddress } from './polar-address-validation';
import { readEmail, readMetadata, readNullableString, type Issues } from './polar-validation';

export interface PolarCreateInput {
  type: PolarCustomerType;
  email: string | null;
  externalId: string | null;
  name: string | null;
  billingAddress: PolarAddress | null;
  taxId: string | null;
  locale: string | null;
  organizationId: string | null;
  metadata: PolarMetadata;
  ownerEmail: string | null;
}

const TAGS = ['individual', 'team'];

/**
 * `CustomerCreate`: a union tagged by `type` (default `individual`), so pydantic puts the tag in every error
 * location (`["body", "individual", "email"]`). Unknown fields are ignored, as Polar's schemas allow them.
 */
export function parsePolarCreateBody(body: unknown): PolarCreateInput | PolarValidationIssue[] {
  const tag = isPlainObject(body) && body.type !== undefined ? body.type : 'individual';
  if (typeof tag !== 'string' || !TAGS.includes(tag)) {
    const expected = "'individual', 'team'";
    return [
      {
        type: 'union_tag_invalid',
        loc: ['body'],
        msg: `Input tag '${String(tag)}' found using _customer_create_type() does not match any of the expected tags: ${expected}`,
        input: body,
        ctx: { discriminator: '_customer_create_type()', tag: String(tag), expected_tags: expected },
      },
    ];
  }
  const prefix = ['body', tag];
  if (!isPlainObject(body)) {
    return [{ type: 'model_attributes_type', loc: prefix, msg: 'Input should be a valid dictionary or object to extract fields from', input: body }];
  }
  const issues: Issues = [];
  const field = (name: string) => [...prefix, name];
  const optional = <T>(name: string, read: (value: unknown) => T | undefined, fallback: T): T => {
    if (body[name] === undefined) return fallback;
    return read(body[name]) ?? fallback;
  };
  let email: string | null = null;
  if (body.email === undefined || (tag === 'team' && body.email === null)) {
    if (tag === 'individual') issues.push({ type: 'missing', loc: field('email'), msg: 'Field required', input: body });
  } else {
    email = readEmail(body.email, field('email'), issues) ?? null;
  }
  const input: PolarCreateInput = {
    type: tag as PolarCustomerType,
    email,
    externalId: optional('external_id', (value) => readNullableString(value, field('external_id'), issues), null),
    name: optional('name', (value) => readNullableString(value, field('name'), issues, 256), null),
    billingAddress: optional('billing_address', (value) => readAddress(value, field('billing_address'), issues), null),
    taxId: optional('tax_id', (value) => readNullableString(value, field('tax_id'), issues), null),
    locale: optional('locale', (value) => readNullableString(value, field('locale'), issues), null),
    organizationId: optional('organization_id', (value) => (value === null ? null : readUuid4(value, field('organization_id'), issues)), null),
    metadata: optional('metadata', (value) => readMetadata(value, field('metadata'), issues), {}),
    ownerEmail: optional('owner', (value) => readOwnerEmail(value, field('owner'), issues), null),
  };
  if (issues.length > 0) return issues;
  if (input.type === 'team' && input.email === null && input.ownerEmail === null) {
    const msg = 'Value error, An owner with an email address is required when creating a team customer without an email.';
    return [{ type: 'value_error', loc: prefix, msg, input: body, ctx: { error: {} } }];
  }
  return input;
}

/** `MemberOwnerCreate`: only its email matters here (members are not simulated). */
function readOwnerEmail(value: unknown, loc: (string | number)[], issues: Issues): string | null | undefined {
  if (value === null) return null;
  if (!isPlainObject(value)) {
    issues.push({ type: 'model_attributes_type', loc, msg: 'Input should be a valid dictionary or object to extract fields from', input: value });
    return undefined;
  }
  if (value.email === undefined) {
    issues.push({ type: 'missing', loc: [...loc, 'email'], msg: 'Field required', input: value });
    return undefined;
  }
  if (value.name !== undefined) readNullableString(value.name, [...loc, 'name'], issues, 256);
  if (value.external_id !== undefined) readNullableString(value.external_id, [...loc, 'external_id'], issues);
  return readEmail(value.email, [...loc, 'email'], issues);
}
