import { EVERYWHERE_PEOPLE, type Person } from '../shared/people';
import { BASE62, type Random } from '../shared/random';
import type { SeedContext } from '../shared/simulator';
import { planOrThrow } from './stigg-catalog';
import { seedResources, seedScope } from './stigg-seed-scope';
import { StiggCursorCodec } from './stigg-cursor';
import { StiggCustomerStore } from './stigg-store';
import type { StiggCustomerRecord, StiggIntegration, StiggPaymentMethod } from './stigg-types';

/** Plans the first people hold, so GraphiQL and README examples show one of each state. */
const EVERYWHERE_PLANS: readonly (string | null)[] = ['plan-pro', 'plan-free', 'plan-starter', 'plan-enterprise', null];

const PLAN_WEIGHTS: readonly (readonly [string | null, number])[] = [
  [null, 14],
  ['plan-free', 34],
  ['plan-starter', 26],
  ['plan-pro', 18],
  ['plan-enterprise', 8],
];

const LANGUAGES: Record<string, string> = { TH: 'th', JP: 'ja', DE: 'de', FR: 'fr', BR: 'pt' };
const SIGNUP_SOURCES = ['organic', 'google-ads', 'partner', 'product-hunt', 'referral'];
const SEGMENTS: Record<string, string> = { 'plan-free': 'self-serve', 'plan-starter': 'smb', 'plan-pro': 'mid-market', 'plan-enterprise': 'enterprise' };

/**
 * Which people are Stigg customers and what they have there. The customer id is the person's external id
 * (Stigg's id *is* the caller's own id). Created times follow sign-up by up to six hours and never pass `seedNow`.
 */
export function seedStiggCustomers(context: SeedContext): StiggCustomerStore {
  const random = context.random('stigg:customers');
  const store = new StiggCustomerStore(new StiggCursorCodec(context.random('stigg:cursors')));
  const seedNowMs = context.seedNow.getTime();
  for (const person of context.people) {
    const everywhere = person.index < EVERYWHERE_PEOPLE;
    const held = random.chance(0.62);
    if (!held && !everywhere) continue;
    store.addSeeded(seedCustomer(person, everywhere, random, seedNowMs));
  }
  store.sortSeeded();
  return store;
}

function seedCustomer(person: Person, everywhere: boolean, random: Random, seedNowMs: number): StiggCustomerRecord {
  const createdAtMs = Math.min(person.signedUpAt.getTime() + random.int(0, 6 * 3600 * 1000), seedNowMs);
  const createdAt = new Date(createdAtMs);
  const between = (fromMs: number) => new Date(fromMs + Math.floor(random.next() * Math.max(0, seedNowMs - fromMs)));
  const planId = everywhere ? (EVERYWHERE_PLANS[person.index] ?? null) : random.weighted(PLAN_WEIGHTS);
  const scope = seedScope(planId === null ? null : planOrThrow(planId), between(createdAtMs), random, seedNowMs, true);
  const billingId = planId !== null && planId !== 'plan-free' && random.chance(0.8) ? `cus_${random.string(14, BASE62)}` : random.chance(0.1) ? `cus_${random.string(14, BASE62)}` : null;
  const archivedAt = !everywhere && random.chance(0.04) ? between(createdAtMs) : null;
  const updatedAt = new Date(Math.max(archivedAt?.getTime() ?? 0, between(createdAtMs).getTime()));
  const metadata: Record<string, string> = {};
  if (random.chance(0.6)) metadata.company = person.company;
  if (random.chance(0.5)) metadata.signupSource = random.pick(SIGNUP_SOURCES);
  if (planId !== null && random.chance(0.4)) metadata.segment = SEGMENTS[planId] ?? 'smb';
  return {
    id: person.externalId,
    sequence: person.index,
    createdAtMs,
    createdAt,
    updatedAt,
    archivedAt,
    name: random.chance(0.95) ? `${person.firstName} ${person.lastName}` : null,
    email: random.chance(0.97) ? person.email : null,
    billingId,
    billingCurrency: random.chance(0.7) ? person.currency.toLowerCase() : null,
    couponId: random.chance(0.05) ? random.pick(['coupon-launch-20', 'coupon-partner-10']) : null,
    language: random.chance(0.4) ? (LANGUAGES[person.address.country] ?? 'en') : null,
    timezone: random.chance(0.6) ? person.timezone : null,
    metadata,
    defaultPaymentMethod: billingId !== null && planId !== null && planId !== 'plan-free' && random.chance(0.85) ? paymentMethod(random, seedNowMs) : null,
    integrations: integrations(billingId, random),
    resources: planId === 'plan-pro' || planId === 'plan-enterprise' ? seedResources(createdAtMs, random, seedNowMs) : [],
    ...scope,
  };
}

function paymentMethod(random: Random, seedNowMs: number): StiggPaymentMethod {
  const type = random.weighted([['CARD', 85], ['BANK', 12], ['CASH_APP', 3]] as const);
  const year = new Date(seedNowMs).getUTCFullYear();
  const isCard = type === 'CARD';
  return {
    billingId: `pm_${random.string(24, BASE62)}`,
    cardExpiryMonth: isCard ? random.int(1, 12) : null,
    cardExpiryYear: isCard ? random.int(year, year + 5) : null,
    cardLast4Digits: isCard ? random.string(4, '0123456789') : null,
    type,
  };
}

function integrations(billingId: string | null, random: Random): StiggIntegration[] {
  const linked: StiggIntegration[] = [];
  if (billingId !== null) linked.push({ id: 'stripe-production', syncedEntityId: billingId, vendorIdentifier: 'STRIPE' });
  if (random.chance(0.1)) linked.push({ id: 'hubspot', syncedEntityId: String(random.int(10_000_000, 99_999_999)), vendorIdentifier: 'HUBSPOT' });
  return linked;
}
