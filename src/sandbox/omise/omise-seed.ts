import { EVERYWHERE_PEOPLE, type Person } from '../shared/people';
import { BASE36, type Random } from '../shared/random';
import type { SeedContext } from '../shared/simulator';
import { generateCard } from './omise-cards';
import type { OmiseCustomerStore } from './omise-store';
import type { OmiseCard, OmiseCustomerRecord, OmiseMetadata } from './omise-types';

/** Share of people who pay through Omise. */
const MEMBERSHIP = 0.62;
const HOUR_MS = 3600 * 1000;

export function customerId(random: Random): string {
  return `cust_test_${random.string(19, BASE36)}`;
}

/**
 * Seeds the store from the shared people: one stream decides who is a customer here (so the choice does not move
 * when the data drawn per customer changes), another draws each customer's data. One pass, one sort afterwards.
 */
export function seedCustomers(context: SeedContext, store: OmiseCustomerStore): void {
  const membership = context.random('omise:membership');
  const random = context.random('omise:customers');
  const seedNowMs = context.seedNow.getTime();
  for (const person of context.people) {
    const held = membership.chance(MEMBERSHIP) || person.index < EVERYWHERE_PEOPLE;
    if (!held) continue;
    store.seed(seedCustomer(person, random, store, seedNowMs));
  }
}

function seedCustomer(person: Person, random: Random, store: OmiseCustomerStore, seedNowMs: number): OmiseCustomerRecord {
  let id = customerId(random);
  while (store.has(id)) id = customerId(random);
  // Most people add a payment method minutes after signing up; some come back days later.
  const delay = random.weighted([[random.int(1, 30) * 60_000, 6], [random.int(1, 48) * HOUR_MS, 3], [random.int(3, 20) * 24 * HOUR_MS, 1]]);
  const signedUpMs = person.signedUpAt.getTime();
  // The newest people signed up moments before the seed instant: they get a share of the time left, not a pile-up at it.
  const createdAtMs = wholeSecond(signedUpMs + delay <= seedNowMs ? signedUpMs + delay : signedUpMs + random.next() * (seedNowMs - signedUpMs));
  const always = person.index < EVERYWHERE_PEOPLE;
  const name = `${person.firstName} ${person.lastName}`;
  const cards = seedCards(person, name, random, id, createdAtMs, seedNowMs);
  return {
    id,
    sequence: store.nextSequence(),
    createdAtMs,
    email: always || random.chance(0.98) ? person.email : null,
    description: always || random.chance(0.97) ? name : null,
    metadata: seedMetadata(person, random, always),
    cards,
    defaultCard: cards[0]?.id ?? null,
    deleted: false,
  };
}

function seedMetadata(person: Person, random: Random, always: boolean): OmiseMetadata {
  const metadata: OmiseMetadata = {};
  // A few customers were created by hand in the dashboard, without the caller's id.
  if (always || random.chance(0.93)) metadata.external_id = person.externalId;
  if (random.chance(0.7)) metadata.plan = random.weighted([['starter', 5], ['growth', 3], ['enterprise', 1]]);
  if (random.chance(0.5)) metadata.signup_channel = random.pick(['web', 'ios', 'android', 'pos', 'line']);
  if (random.chance(0.35)) metadata.company = person.company;
  if (random.chance(0.25)) metadata.loyalty_tier = random.pick(['silver', 'gold', 'platinum']);
  if (random.chance(0.2)) metadata.marketing_opt_in = random.chance(0.6);
  if (random.chance(0.1)) metadata.risk_score = random.int(1, 99);
  return metadata;
}

function seedCards(person: Person, name: string, random: Random, id: string, createdAtMs: number, seedNowMs: number): OmiseCard[] {
  const count = random.weighted([[0, 25], [1, 45], [2, 20], [3, 10]]);
  const cards: OmiseCard[] = [];
  let cardTime = createdAtMs;
  for (let index = 0; index < count; index++) {
    // The first card is saved with the customer; later ones arrive within the following two months.
    if (index > 0) cardTime = wholeSecond(Math.min(cardTime + random.int(1, 60 * 24) * HOUR_MS, cardTime + random.next() * (seedNowMs - cardTime)));
    const abroad = random.chance(0.1);
    cards.push(
      generateCard(random, id, {
        name,
        country: abroad ? random.pick(['TH', 'US', 'JP', 'SG']) : person.address.country,
        city: person.address.city,
        postalCode: person.address.postalCode,
        street1: random.chance(0.4) ? person.address.line1 : null,
        phoneNumber: random.chance(0.3) ? person.phone : null,
      }, cardTime),
    );
  }
  return cards;
}

function wholeSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}
