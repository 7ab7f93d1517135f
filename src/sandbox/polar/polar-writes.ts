import type { Random } from '../shared/random';
import type { PolarCreateInput } from './polar-create-body';
import type { PolarValidationIssue } from './polar-errors';
import type { PolarCustomerStore } from './polar-store';
import { validatePolarTaxId } from './polar-tax-id';
import { freshCustomerParts, type PolarCustomerRecord } from './polar-types';
import type { PolarUpdateInput } from './polar-update-body';

type Outcome = { record: PolarCustomerRecord } | { issues: PolarValidationIssue[] };

const EMAIL_TAKEN = 'A customer with this email address already exists.';
const EXTERNAL_ID_TAKEN = 'A customer with this external ID already exists.';

function taxIdIssues(taxId: string, country: string | null): PolarValidationIssue[] | [string, string] {
  if (country === null) return [{ type: 'missing', loc: ['body', 'billing_address'], msg: 'Country is required to validate tax ID.', input: null }];
  const validated = validatePolarTaxId(taxId, country);
  return validated ?? [{ type: 'invalid', loc: ['body', 'tax_id'], msg: 'Invalid tax ID.', input: taxId }];
}

/** `CustomerService.create`: uniqueness first (both reported together), then the tax ID against the country. */
export function createPolarCustomer(store: PolarCustomerStore, input: PolarCreateInput, organizationId: string, now: Date, random: Random): Outcome {
  const issues: PolarValidationIssue[] = [];
  if (input.email !== null && store.emailOwner(input.email) !== undefined) {
    issues.push({ type: 'value_error', loc: ['body', 'email'], msg: EMAIL_TAKEN, input: input.email });
  }
  if (input.externalId !== null && store.externalIdTaken(input.externalId)) {
    issues.push({ type: 'value_error', loc: ['body', 'external_id'], msg: EXTERNAL_ID_TAKEN, input: input.externalId });
  }
  if (issues.length > 0) return { issues };
  let taxId: [string, string] | null = null;
  if (input.taxId !== null) {
    const checked = taxIdIssues(input.taxId, input.billingAddress?.country ?? null);
    if (typeof checked[0] !== 'string') return { issues: checked as PolarValidationIssue[] };
    taxId = checked as [string, string];
  }
  const record: PolarCustomerRecord = {
    id: random.uuid(),
    createdAt: now,
    modifiedAt: null,
    metadata: input.metadata,
    externalId: input.externalId,
    email: input.email,
    emailVerified: false,
    type: input.type,
    name: input.name,
    billingName: null,
    billingAddress: input.billingAddress,
    taxId,
    locale: input.locale,
    organizationId,
    ...freshCustomerParts(),
  };
  store.insert(record);
  return { record };
}

/**
 * `CustomerService.update`: a new email resets verification; `billing_address: null` is refused even when none
 * is set; `external_id` is write-once (null → value only); `type` may go from individual to team, never back.
 * Metadata, when given, replaces the whole map.
 */
export function updatePolarCustomer(store: PolarCustomerStore, record: PolarCustomerRecord, input: PolarUpdateInput, now: Date): Outcome {
  const issues: PolarValidationIssue[] = [];
  const emailChanges = typeof input.email === 'string' && input.email.toLowerCase() !== record.email?.toLowerCase();
  if (emailChanges && store.emailOwner(input.email as string) !== undefined) {
    issues.push({ type: 'value_error', loc: ['body', 'email'], msg: EMAIL_TAKEN, input: input.email });
  }
  if (input.billingAddress === null) {
    issues.push({ type: 'value_error', loc: ['body', 'billing_address'], msg: 'Customer billing address cannot be reset to null once set.', input: null });
  }
  if (input.externalId !== undefined && input.externalId !== record.externalId) {
    if (record.externalId !== null) {
      issues.push({ type: 'value_error', loc: ['body', 'external_id'], msg: 'Customer external ID cannot be updated.', input: input.externalId });
    } else if (input.externalId !== null && store.externalIdTaken(input.externalId)) {
      issues.push({ type: 'value_error', loc: ['body', 'external_id'], msg: EXTERNAL_ID_TAKEN, input: input.externalId });
    }
  }
  if (input.type === 'individual' && record.type === 'team') {
    issues.push({ type: 'value_error', loc: ['body', 'type'], msg: "Customer type cannot be downgraded from 'team' to 'individual'.", input: input.type });
  }
  if (issues.length > 0) return { issues };
  // The tax ID (new, or the one on file) is re-validated against the address the customer will have.
  let taxId = record.taxId;
  const taxNumber = input.taxId ?? record.taxId?.[0] ?? null;
  if (taxNumber !== null) {
    const checked = taxIdIssues(taxNumber, (input.billingAddress ?? record.billingAddress)?.country ?? null);
    if (typeof checked[0] !== 'string') return { issues: checked as PolarValidationIssue[] };
    taxId = checked as [string, string];
  }
  store.update(record, () => {
    if (emailChanges) {
      record.email = input.email as string;
      record.emailVerified = false;
    }
    if (input.metadata !== undefined) record.metadata = input.metadata;
    if (input.name !== undefined) record.name = input.name;
    if (input.billingAddress !== undefined && input.billingAddress !== null) record.billingAddress = input.billingAddress;
    if (input.locale !== undefined) record.locale = input.locale;
    if (input.externalId !== undefined) record.externalId = input.externalId;
    if (input.type === 'team') record.type = 'team';
    record.taxId = taxId;
    record.modifiedAt = now;
  });
  return { record };
}
