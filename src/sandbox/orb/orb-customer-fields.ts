import type { SandboxResponse } from '../shared/sandbox-http';
import { issue, orbErrors } from './orb-errors';
import type { OrbAddress, OrbCustomer } from './orb-types';
import type { OrbCustomerInput } from './orb-validation';

/** Orb's limit on `additional_emails`, counting the primary email (orb.md §2). */
export const MAX_EMAILS = 50;

/** Orb merges metadata: a key set to a string is written, a key set to null removed, `metadata: null` clears all. */
export function applyMetadata(customer: OrbCustomer, patch: OrbCustomerInput['metadata']): void {
  if (patch === undefined) return;
  if (patch === null) {
    customer.metadata = {};
    return;
  }
  const merged = { ...customer.metadata };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  customer.metadata = merged;
}

/** An address input replaces the whole address (keys not given become null); null clears it. */
export function address(input: Partial<OrbAddress> | null | undefined): OrbAddress | null {
  if (input === undefined || input === null) return null;
  return { city: null, country: null, line1: null, line2: null, postal_code: null, state: null, ...input };
}

export function tooManyEmails(): SandboxResponse {
  return orbErrors.validation([issue('additional_emails', `the total number of email addresses (including the primary email) cannot exceed ${MAX_EMAILS}`)]);
}
