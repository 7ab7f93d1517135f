import type { Random } from '../shared/random';
import type { SandboxResponse } from '../shared/sandbox-http';
import { address, applyMetadata, MAX_EMAILS, tooManyEmails } from './orb-customer-fields';
import { orbErrors } from './orb-errors';
import { planHierarchy } from './orb-hierarchy';
import { newOrbId } from './orb-billing-data';
import type { OrbCustomerStore } from './orb-store';
import { orbTimestamp, type OrbCustomer, type OrbCustomerRecord } from './orb-types';
import type { OrbCustomerInput } from './orb-validation';

/** "Defaults to your account's timezone": the sandbox account's is UTC. */
const ACCOUNT_TIMEZONE = 'UTC';

/** `POST /customers` after validation: Orb's defaults, the duplicate rule, then the write. */
export function createOrbCustomer(store: OrbCustomerStore, input: OrbCustomerInput, now: Date, ids: Random): { record: OrbCustomerRecord } | { error: SandboxResponse } {
  const externalId = input.external_customer_id ?? null;
  if (externalId !== null) {
    const holder = store.getByExternalId(externalId);
    if (holder !== undefined && !holder.deleted) {
      return { error: orbErrors.duplicate(`A customer with external_customer_id ${externalId} already exists.`) };
    }
  }
  if ((input.additional_emails?.length ?? 0) + 1 > MAX_EMAILS) return { error: tooManyEmails() };
  const id = newOrbId(ids, (candidate) => store.get(candidate) !== undefined);
  const hierarchy = planHierarchy(store, id, input.hierarchy);
  if ('error' in hierarchy) return hierarchy;

  const provider = input.payment_provider ?? null;
  const customer: OrbCustomer = {
    id,
    additional_emails: input.additional_emails ?? [],
    // Orb defaults auto-collection to true when a payment provider is given at creation.
    auto_collection: input.auto_collection ?? provider !== null,
    auto_issuance: input.auto_issuance ?? null,
    balance: '0.00',
    billing_address: address(input.billing_address),
    created_at: orbTimestamp(now),
    currency: input.currency ?? null,
    email: input.email as string,
    email_delivery: input.email_delivery ?? true,
    exempt_from_automated_tax: input.tax_configuration?.tax_exempt ?? null,
    external_customer_id: null,
    hierarchy: { children: [], parent: null },
    metadata: {},
    name: input.name as string,
    payment_provider: provider,
    payment_provider_id: input.payment_provider_id ?? null,
    portal_url: null,
    shipping_address: address(input.shipping_address),
    tax_id: input.tax_id ?? null,
    timezone: input.timezone ?? ACCOUNT_TIMEZONE,
    accounting_sync_configuration: input.accounting_sync_configuration ?? null,
    automatic_tax_enabled: input.tax_configuration?.automatic_tax_enabled ?? null,
    default_payment_method: null,
    payment_configuration: input.payment_configuration ?? null,
    reporting_configuration: input.reporting_configuration ?? null,
  };
  applyMetadata(customer, input.metadata);
  const record: OrbCustomerRecord = { customer, createdAtMs: now.getTime(), deleted: false };
  store.insert(record);
  if (externalId !== null) store.setExternalId(record, externalId);
  hierarchy.apply(customer);
  return { record };
}
