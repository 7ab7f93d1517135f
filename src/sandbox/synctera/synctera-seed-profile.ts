import { EVERYWHERE_PEOPLE, type Person } from '../shared/people';
import type { Random } from '../shared/random';
import type { SyncteraCustomer, SyncteraCustomerStatus, SyncteraKycStatus } from './synctera-types';

/** The parts of a seeded customer that follow from its status: KYC, accounts, bans; and its metadata. */

const SEGMENTS = ['retail', 'retail', 'retail', 'student', 'premier', 'small_business_owner'];
const CHANNELS = ['mobile_app', 'mobile_app', 'web', 'branch', 'partner_referral'];

export function kycFor(status: SyncteraCustomerStatus, random: Random): SyncteraKycStatus {
  switch (status) {
    case 'ACTIVE':
      return random.weighted([['ACCEPTED', 90], ['PROVISIONAL', 4], ['REVIEW', 4], ['PENDING', 2]] as const);
    case 'PROSPECT':
      return random.chance(0.85) ? 'UNVERIFIED' : 'PENDING';
    case 'DENIED':
      return 'REJECTED';
    case 'SANCTION':
      return random.chance(0.7) ? 'REJECTED' : 'REVIEW';
    case 'FROZEN':
      return random.chance(0.5) ? 'REVIEW' : 'ACCEPTED';
    default:
      return 'ACCEPTED';
  }
}

export function hasAccounts(status: SyncteraCustomerStatus, random: Random): boolean {
  if (status === 'PROSPECT' || status === 'DENIED') return false;
  if (status === 'ACTIVE') return random.chance(0.85);
  if (status === 'INACTIVE') return random.chance(0.4);
  if (status === 'DECEASED') return random.chance(0.6);
  return true;
}

export function banFor(status: SyncteraCustomerStatus, random: Random): SyncteraCustomer['ban_status'] {
  if (status === 'SANCTION' || status === 'DENIED') return random.chance(0.5) ? 'BANNED' : 'ALLOWED';
  if (status === 'FROZEN') return random.chance(0.4) ? 'SUSPENDED' : 'ALLOWED';
  return 'ALLOWED';
}

export function metadataFor(person: Person, random: Random): Record<string, unknown> {
  const metadata: Record<string, unknown> = {};
  // A few customers were onboarded by hand in the console, without the integrator's own id.
  if (person.index < EVERYWHERE_PEOPLE || random.chance(0.94)) metadata.external_id = person.externalId;
  if (random.chance(0.7)) metadata.segment = random.pick(SEGMENTS);
  if (random.chance(0.5)) metadata.onboarding_channel = random.pick(CHANNELS);
  return metadata;
}
