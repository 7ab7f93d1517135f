import { EVERYWHERE_PEOPLE, type Person } from '../shared/people';
import { BASE62, type Random } from '../shared/random';
import { balance, newOrbId, paymentMethod, providerId } from './orb-billing-data';
import type { SeedContext } from '../shared/simulator';
import type { OrbCustomerStore } from './orb-store';
import { orbTimestamp, type OrbAddress, type OrbCustomer, type OrbCustomerRecord, type OrbPaymentProvider } from './orb-types';

const PLAN_TIERS: readonly (readonly [string, number])[] = [['starter', 5], ['growth', 3], ['scale', 1.5], ['enterprise', 0.5]];
const PAYMENT_PROVIDERS: readonly (readonly [OrbPaymentProvider | null, number])[] = [
  ['stripe_charge', 70], ['stripe_invoice', 8], ['quickbooks', 5], ['bill.com', 3], ['netsuite', 2], [null, 12],
];
const EU_VAT: Record<string, [string, number]> = { DE: ['eu_vat', 9], FR: ['eu_vat', 11], GB: ['gb_vat', 9] };

/** Seeds the store from the shared people: which people Orb holds and what they look like there. */
export function seedOrbCustomers(context: SeedContext, store: OrbCustomerStore): void {
  const random = context.random('orb:customers');
  const ids = context.random('orb:ids');
  const seedNowMs = context.seedNow.getTime();
  const parents: OrbCustomerRecord[] = [];
  for (const person of context.people) {
    const everywhere = person.index < EVERYWHERE_PEOPLE;
    if (!everywhere && !random.chance(0.62)) continue;
    // Created on sign-up or within three days after it, never after the seed instant.
    const createdAtMs = Math.min(person.signedUpAt.getTime() + random.int(0, 3 * 24 * 3600) * 1000, seedNowMs);
    const id = newOrbId(ids, (candidate) => store.get(candidate) !== undefined);
    const customer = buildCustomer(random, ids, person, id, new Date(createdAtMs), everywhere, seedNowMs);
    const record: OrbCustomerRecord = { customer, createdAtMs, deleted: false };
    // A few sub-accounts bill through an earlier customer (Orb's hierarchy); most have none.
    if (!everywhere && parents.length > 0 && random.chance(0.02)) {
      const parent = random.pick(parents);
      customer.hierarchy.parent = { id: parent.customer.id, external_customer_id: parent.customer.external_customer_id };
      parent.customer.hierarchy.children.push({ id, external_customer_id: customer.external_customer_id });
    } else if (customer.metadata.plan === 'enterprise' && parents.length < 200) {
      parents.push(record);
    }
    store.seed(record);
  }
}

function buildCustomer(random: Random, ids: Random, person: Person, id: string, createdAt: Date, everywhere: boolean, seedNowMs: number): OrbCustomer {
  const provider = random.weighted(PAYMENT_PROVIDERS);
  const isStripe = provider === 'stripe_charge' || provider === 'stripe_invoice';
  const address = random.chance(0.9) ? personAddress(person) : null;
  const plan = random.weighted(PLAN_TIERS);
  const metadata: Record<string, string> = random.chance(0.15) ? {} : { plan, company: person.company };
  if (Object.keys(metadata).length > 0 && random.chance(0.25)) metadata.salesforce_account_id = `001${ids.string(15, BASE62)}`;
  const companyDomain = `${person.company.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example.com`;
  const vat = EU_VAT[person.address.country];
  return {
    id,
    additional_emails: random.chance(0.15) ? [`billing@${companyDomain}`] : [],
    // Orb turns auto-collection on when a payment provider is linked.
    auto_collection: provider !== null && provider !== 'bill.com',
    auto_issuance: null,
    balance: balance(random),
    billing_address: address,
    created_at: orbTimestamp(createdAt),
    // A few customers have no currency yet: Orb sets it on the first subscription, and it may still be set by update.
    currency: everywhere || random.chance(0.92) ? person.currency : null,
    email: person.email,
    email_delivery: random.chance(0.93),
    exempt_from_automated_tax: null,
    external_customer_id: everywhere || random.chance(0.96) ? person.externalId : null,
    hierarchy: { children: [], parent: null },
    metadata,
    name: `${person.firstName} ${person.lastName}`,
    payment_provider: provider,
    payment_provider_id: providerId(ids, provider),
    portal_url: null,
    shipping_address: address !== null && random.chance(0.3) ? { ...address } : null,
    tax_id: vat !== undefined && random.chance(0.4) ? { country: person.address.country, type: vat[0], value: `${person.address.country}${ids.string(vat[1], '0123456789')}` } : null,
    timezone: person.timezone,
    accounting_sync_configuration: null,
    automatic_tax_enabled: vat !== undefined ? random.chance(0.5) : null,
    default_payment_method: isStripe && random.chance(0.6)
      ? paymentMethod(random, ids, id, new Date(Math.min(createdAt.getTime() + random.int(60, 7 * 24 * 3600) * 1000, seedNowMs)))
      : null,
    payment_configuration: null,
    reporting_configuration: null,
  };
}

export function personAddress(person: Person): OrbAddress {
  const { address } = person;
  return { city: address.city, country: address.country, line1: address.line1, line2: address.line2, postal_code: address.postalCode, state: address.state };
}
