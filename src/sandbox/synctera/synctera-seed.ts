import { EVERYWHERE_PEOPLE, type Person } from '../shared/people';
import type { Random } from '../shared/random';
import type { SeedContext } from '../shared/simulator';
import { legalAddress, shippingAddress } from './synctera-seed-addresses';
import { banFor, hasAccounts, kycFor, metadataFor } from './synctera-seed-profile';
import { DEFAULT_TENANT, type SyncteraAddress, type SyncteraCustomer, type SyncteraCustomerStatus } from './synctera-types';

/** Share of people who bank through Synctera; the first EVERYWHERE_PEOPLE always do. */
const HELD_SHARE = 0.62;

/** A retail bank's book: mostly active, a tail of prospects and lifecycle states, a few hard stops. */
const STATUS_WEIGHTS: readonly (readonly [SyncteraCustomerStatus, number])[] = [
  ['ACTIVE', 62],
  ['PROSPECT', 12],
  ['INACTIVE', 7],
  ['DORMANT', 6],
  ['FROZEN', 5],
  ['DENIED', 3],
  ['ESCHEAT', 2],
  ['SANCTION', 1.5],
  ['DECEASED', 1.5],
];

const MIDDLE_NAMES = ['Anne', 'Marie', 'James', 'Lee', 'Rose', 'Kai', 'Jean', 'Ray', 'Lynn', 'Jo'];

export function seedSyncteraCustomers(context: SeedContext): SyncteraCustomer[] {
  // Who is held is drawn from a stream of its own, so a change in what is drawn for one customer's data never
  // changes which people Synctera holds.
  const membership = context.random('synctera:membership');
  const random = context.random('synctera:customers');
  const seedNow = context.seedNow.getTime();
  const customers: SyncteraCustomer[] = [];
  for (const person of context.people) {
    const held = membership.chance(HELD_SHARE);
    if (!held && person.index >= EVERYWHERE_PEOPLE) continue;
    customers.push(customerFor(person, random, seedNow));
  }
  return customers;
}

function customerFor(person: Person, random: Random, seedNow: number): SyncteraCustomer {
  // The always-present people are ordinary active customers, so README and GraphiQL examples resolve cleanly.
  const status = person.index < EVERYWHERE_PEOPLE ? 'ACTIVE' : random.weighted(STATUS_WEIGHTS);
  const created = Math.min(person.signedUpAt.getTime() + random.int(0, 72 * 3600) * 1000 + random.int(0, 999), seedNow);
  const updated = created + Math.floor((seedNow - created) * random.next() ** 3);
  const kycStatus = kycFor(status, random);
  const prospect = status === 'PROSPECT';
  // Prospects arrive with whatever the sign-up form collected; customers carry full KYC data.
  const legal = prospect && random.chance(0.6) ? undefined : legalAddress(person, random);
  const shipping = legal === undefined ? undefined : shippingAddress(legal, random);
  const phone = !prospect || random.chance(0.5) ? person.phone : undefined;
  const dob = !prospect || random.chance(0.3) ? person.dateOfBirth : undefined;
  const ssn = prospect ? undefined : random.string(4, '0123456789');
  const ssnSource = ssn === undefined ? undefined : random.chance(0.85) ? 'MANUAL' : 'PREFILL';
  const kycLastRun = kycStatus === 'UNVERIFIED' ? undefined : new Date(Math.min(created + random.int(30, 1800) * 1000, seedNow)).toISOString();
  const middleName = random.chance(0.15) ? random.pick(MIDDLE_NAMES) : undefined;
  // Keys in alphabetical order, as Synctera's Go structs marshal them; absent members stay undefined and are
  // left out of the JSON. (Built directly rather than re-sorted: seeding 100,000 people must stay fast.)
  return {
    addresses: legal === undefined ? [] : [legal, shipping as SyncteraAddress],
    ban_status: banFor(status, random),
    creation_time: new Date(created).toISOString(),
    dob,
    email: person.email,
    first_name: person.firstName,
    has_accounts: hasAccounts(status, random),
    id: random.uuid(),
    kyc_exempt: false,
    kyc_last_run: kycLastRun,
    kyc_status: kycStatus,
    last_name: person.lastName,
    last_updated_time: new Date(updated).toISOString(),
    legal_address: legal,
    metadata: metadataFor(person, random),
    middle_name: middleName,
    phone_number: phone,
    shipping_address: shipping,
    ssn,
    ssn_source: ssnSource,
    status,
    tenant: random.chance(0.1) ? 'cgraph_premier' : DEFAULT_TENANT,
  };
}
