import { createHash } from 'node:crypto';
import type { PolarCustomerRecord } from './polar-types';

/** Where Polar sends anonymised addresses; nothing is ever delivered there. */
const ANONYMIZED_EMAIL_DOMAIN = 'anonymized.polar.sh';

function hashed(value: string, createdAt: Date): string {
  return createHash('sha256').update(`${value}:${createdAt.toISOString()}`).digest('hex');
}

/**
 * Polar's delete (`customer/service.py`): cancels the subscriptions and revokes the grants at once, then either
 * soft-deletes (the external ID moves to `metadata.__external_id`, free for reuse) or, with `anonymize`, hashes the
 * personal data and keeps the external ID and tax ID "for legal reasons" — so that external ID stays taken.
 */
export function deletePolarCustomer(customer: PolarCustomerRecord, at: Date, anonymize: boolean): void {
  for (const subscription of customer.subscriptions) {
    if (subscription.status === 'canceled') continue;
    subscription.status = 'canceled';
    subscription.canceledAt = at;
    subscription.endsAt = at;
    subscription.modifiedAt = at;
  }
  customer.grants = [];
  customer.meters = [];
  customer.deletedAt = at;
  customer.modifiedAt = at;
  if (anonymize) {
    if (customer.email !== null) customer.email = `${hashed(customer.email, customer.createdAt)}@${ANONYMIZED_EMAIL_DOMAIN}`;
    customer.emailVerified = false;
    // Businesses (those with a tax ID) keep their name on invoices.
    if (customer.taxId === null && customer.name !== null) customer.name = hashed(customer.name, customer.createdAt);
    if (customer.billingName !== null) customer.billingName = hashed(customer.billingName, customer.createdAt);
    customer.billingAddress = null;
    customer.metadata = { ...customer.metadata, __anonymized_at: at.toISOString() };
    return;
  }
  if (customer.externalId !== null) {
    customer.metadata = { ...customer.metadata, __external_id: customer.externalId };
    customer.externalId = null;
  }
}
