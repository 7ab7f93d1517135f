import type { Person } from '../shared/people';
import type { Random } from '../shared/random';
import type { SyncteraAddress } from './synctera-types';

export function legalAddress(person: Person, random: Random): SyncteraAddress {
  const { address } = person;
  return {
    address_line_1: address.line1,
    address_line_2: address.line2 ?? undefined,
    address_type: 'LEGAL',
    city: address.city,
    country_code: address.country,
    id: quickUuid(random),
    nickname: random.chance(0.3) ? 'Home' : undefined,
    postal_code: address.postalCode,
    state: address.state ?? undefined,
  };
}

/** Most ship to home (the API's own default copies the legal address); some use a mailbox elsewhere in town. */
export function shippingAddress(legal: SyncteraAddress, random: Random): SyncteraAddress {
  const mailbox = random.chance(0.15);
  return {
    address_line_1: mailbox ? `PO Box ${random.int(100, 9999)}` : legal.address_line_1,
    address_line_2: mailbox ? undefined : legal.address_line_2,
    address_type: 'SHIPPING',
    city: legal.city,
    country_code: legal.country_code,
    id: quickUuid(random),
    nickname: mailbox ? 'Mailbox' : legal.nickname,
    postal_code: legal.postal_code,
    state: legal.state,
  };
}

/**
 * A version 4 UUID from four draws instead of `Random.uuid()`'s thirty-three: two addresses per customer made
 * address ids the largest cost of seeding 100,000 people. Customer ids keep `Random.uuid()`.
 */
function quickUuid(random: Random): string {
  const a = hexWord(random);
  const b = hexWord(random);
  const c = hexWord(random);
  const d = hexWord(random);
  const variant = '89ab'[parseInt(c[0] as string, 16) & 3] as string;
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

function hexWord(random: Random): string {
  return Math.floor(random.next() * 0x100000000).toString(16).padStart(8, '0');
}
