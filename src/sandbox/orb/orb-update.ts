import type { SandboxResponse } from '../shared/sandbox-http';
import { address, applyMetadata, MAX_EMAILS, tooManyEmails } from './orb-customer-fields';
import { issue, orbErrors } from './orb-errors';
import { planHierarchy } from './orb-hierarchy';
import type { OrbCustomerStore } from './orb-store';
import type { OrbCustomerRecord } from './orb-types';
import type { OrbCustomerInput } from './orb-validation';

/**
 * Applies an update in place, or answers the error and changes nothing. PUT with partial semantics: absent keys
 * are kept; `currency` and `external_customer_id` may only be set while unset (orb.md §2).
 */
export function updateOrbCustomer(store: OrbCustomerStore, record: OrbCustomerRecord, input: OrbCustomerInput): SandboxResponse | null {
  const customer = record.customer;
  if (input.currency !== undefined && customer.currency !== null && input.currency !== customer.currency) {
    return orbErrors.constraint(`The currency of customer ${customer.id} is already set to ${customer.currency} and cannot be changed.`);
  }
  const externalId = input.external_customer_id;
  if (externalId !== undefined && customer.external_customer_id !== null && externalId !== customer.external_customer_id) {
    return orbErrors.constraint(`Customer ${customer.id} already has external_customer_id ${customer.external_customer_id}; it cannot be changed.`);
  }
  if (typeof externalId === 'string' && externalId !== customer.external_customer_id) {
    const holder = store.getByExternalId(externalId);
    if (holder !== undefined && !holder.deleted) return orbErrors.constraint(`external_customer_id ${externalId} is already in use by another customer.`);
  }
  const additional = input.additional_emails === undefined ? customer.additional_emails : input.additional_emails ?? [];
  if (additional.length + 1 > MAX_EMAILS) return tooManyEmails();
  const paymentMethodId = input.default_payment_method_id;
  if (typeof paymentMethodId === 'string' && paymentMethodId !== customer.default_payment_method?.id) {
    return orbErrors.validation([issue('default_payment_method_id', `no payment method ${paymentMethodId} for this customer`)]);
  }
  const hierarchy = planHierarchy(store, customer.id, input.hierarchy);
  if ('error' in hierarchy) return hierarchy.error;

  if (input.email !== undefined) customer.email = input.email;
  if (input.name !== undefined) customer.name = input.name;
  if (input.currency !== undefined) customer.currency = input.currency;
  if (typeof externalId === 'string') store.setExternalId(record, externalId);
  customer.additional_emails = additional;
  if (input.billing_address !== undefined) customer.billing_address = address(input.billing_address);
  if (input.shipping_address !== undefined) customer.shipping_address = address(input.shipping_address);
  if (input.payment_provider !== undefined) {
    // Linking a payment provider later turns auto-collection on (docs: invoicing/payments).
    if (input.payment_provider !== null && customer.payment_provider === null && input.auto_collection === undefined) customer.auto_collection = true;
    customer.payment_provider = input.payment_provider;
  }
  if (input.payment_provider_id !== undefined) customer.payment_provider_id = input.payment_provider_id;
  if (input.auto_collection !== undefined && input.auto_collection !== null) customer.auto_collection = input.auto_collection;
  if (input.auto_issuance !== undefined) customer.auto_issuance = input.auto_issuance;
  if (input.email_delivery !== undefined && input.email_delivery !== null) customer.email_delivery = input.email_delivery;
  if (input.tax_id !== undefined) customer.tax_id = input.tax_id;
  if (input.tax_configuration !== undefined) {
    customer.exempt_from_automated_tax = input.tax_configuration?.tax_exempt ?? null;
    customer.automatic_tax_enabled = input.tax_configuration?.automatic_tax_enabled ?? null;
  }
  if (input.reporting_configuration !== undefined) customer.reporting_configuration = input.reporting_configuration;
  if (input.accounting_sync_configuration !== undefined) customer.accounting_sync_configuration = input.accounting_sync_configuration;
  if (input.payment_configuration !== undefined) customer.payment_configuration = input.payment_configuration;
  if (paymentMethodId === null) customer.default_payment_method = null;
  applyMetadata(customer, input.metadata);
  hierarchy.apply(customer);
  return null;
}
