import { EVERYWHERE_PEOPLE, type Person } from '../shared/people';
import type { Random } from '../shared/random';
import type { SeedContext } from '../shared/simulator';
import { normalizePolarState } from './polar-countries';
import { deletePolarCustomer } from './polar-delete';
import type { PolarCatalog } from './polar-catalog';
import { planPolarHistory } from './polar-seed-subscriptions';
import { freshCustomerParts, type PolarAddress, type PolarCustomerRecord, type PolarMetadata } from './polar-types';

const HOUR_MS = 3600 * 1000;
const EURO_COUNTRIES = new Set(['DE', 'FR']);
const LOCALES: Record<string, string> = { US: 'en-US', GB: 'en-GB', CA: 'en-CA', DE: 'de', FR: 'fr', JP: 'ja', TH: 'th', BR: 'pt-BR', SG: 'en', NG: 'en' };

/**
 * The people this Polar organization knows, as customers: most individuals, some teams (billed to the person's
 * company), a few without an external ID, and a few soft-deleted ones that no read returns.
 */
export function seedPolarCustomers(context: SeedContext, catalog: PolarCatalog): PolarCustomerRecord[] {
  const random = context.random('polar:customers');
  const planRandom = context.random('polar:plans');
  const customers: PolarCustomerRecord[] = [];
  for (const person of context.people) {
    const always = person.index < EVERYWHERE_PEOPLE;
    if (!always && !random.chance(0.62)) continue;
    const customer = seedCustomer(person, always, catalog, random, context.seedNow);
    if (!always && random.chance(0.015)) {
      const deletedAt = new Date(customer.createdAt.getTime() + Math.floor(random.next() * (context.seedNow.getTime() - customer.createdAt.getTime())));
      deletePolarCustomer(customer, deletedAt, false);
    } else {
      const currency = EURO_COUNTRIES.has(person.address.country) ? 'eur' : 'usd';
      // The people every provider holds are subscribed, so examples show a full state.
      customer.plannedHistory = planPolarHistory(planRandom, catalog, customer, context.seedNow, currency, always);
      // Paying subscribers have a card on file; trials started without one.
      const outcome = customer.plannedHistory?.outcome;
      if (outcome === 'active' || outcome === 'past_due') customer.defaultPaymentMethodId = planRandom.uuid();
      // Usage events start arriving soon after sign-up for most subscribers; drawn now because the customer
      // payload shows it before any history is drawn.
      if (outcome !== undefined && outcome !== 'canceled' && planRandom.chance(0.85)) {
        const room = Math.min(14 * 24 * HOUR_MS, context.seedNow.getTime() - customer.createdAt.getTime());
        customer.firstUserEventAt = new Date(customer.createdAt.getTime() + Math.floor((planRandom.next() * room) / 1000) * 1000);
      }
    }
    customers.push(customer);
  }
  return customers;
}

function seedCustomer(person: Person, always: boolean, catalog: PolarCatalog, random: Random, seedNow: Date): PolarCustomerRecord {
  const team = random.chance(0.12);
  // Polar's record follows the sign-up by up to three days (never after seedNow), to the second.
  const room = Math.min(72 * HOUR_MS, seedNow.getTime() - person.signedUpAt.getTime());
  const createdAt = new Date(person.signedUpAt.getTime() + Math.floor((random.next() * room) / 1000) * 1000);
  const personName = `${person.firstName} ${person.lastName}`;
  const billingAddress = team || random.chance(0.85) ? addressOf(person) : null;
  return {
    id: random.uuid(),
    createdAt,
    modifiedAt: random.chance(0.4) ? new Date(createdAt.getTime() + Math.floor(random.next() * (seedNow.getTime() - createdAt.getTime()) / 1000) * 1000) : null,
    metadata: metadataFor(random, team),
    externalId: always || random.chance(0.93) ? person.externalId : null,
    email: person.email,
    emailVerified: random.chance(0.7),
    type: team ? 'team' : 'individual',
    name: team ? person.company : random.chance(0.95) ? personName : null,
    // Teams are invoiced to the company, attention of the person who signed up.
    billingName: team ? `${person.company} (${personName})` : null,
    billingAddress,
    taxId: team && billingAddress !== null ? taxIdFor(billingAddress.country, random) : null,
    locale: random.chance(0.8) ? (LOCALES[person.address.country] ?? 'en') : null,
    organizationId: catalog.organizationId,
    ...freshCustomerParts(),
  };
}

function addressOf(person: Person): PolarAddress {
  const { address } = person;
  const state = address.state === null ? null : normalizePolarState(address.country, address.state);
  return {
    line1: address.line1,
    line2: address.line2,
    postal_code: address.postalCode,
    city: address.city,
    state: state !== null && 'state' in state ? state.state : null,
    country: address.country,
  };
}

function metadataFor(random: Random, team: boolean): PolarMetadata {
  const metadata: PolarMetadata = {};
  if (random.chance(0.6)) metadata.source = random.pick(['website', 'sales', 'partner', 'product_hunt', 'github']);
  if (random.chance(0.3)) metadata.crm_id = `hs_${random.int(100_000, 999_999)}`;
  if (team) metadata.seats = random.int(2, 40);
  if (random.chance(0.15)) metadata.beta_tester = true;
  if (random.chance(0.1)) metadata.nps_score = random.int(0, 10);
  return metadata;
}

function taxIdFor(country: string, random: Random): [string, string] | null {
  const digits = (count: number) => random.string(count, '0123456789');
  if (country === 'US') return [digits(9), 'us_ein'];
  if (country === 'GB') return [`GB${digits(9)}`, 'gb_vat'];
  if (EURO_COUNTRIES.has(country)) return [`${country}${digits(country === 'FR' ? 11 : 9)}`, 'eu_vat'];
  if (country === 'CA') return [digits(9), 'ca_bn'];
  if (country === 'TH') return [digits(13), 'th_vat'];
  return null;
}
