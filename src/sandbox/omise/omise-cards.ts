import { BASE36, Random } from '../shared/random';
import { cardLocation, formatTime } from './omise-render';
import type { OmiseCard } from './omise-types';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Banks that issue cards in each country the seed people live in (lower-case country codes, as Omise sends). */
const BANKS: Record<string, readonly string[]> = {
  th: ['Kasikornbank', 'Bangkok Bank', 'Siam Commercial Bank', 'Krungthai Bank', 'Bank of Ayudhya'],
  us: ['JPMorgan Chase Bank', 'Bank of America', 'Wells Fargo Bank', 'Citibank'],
  jp: ['MUFG Bank', 'Sumitomo Mitsui Card', 'Mizuho Bank', 'Rakuten Card'],
  sg: ['DBS Bank', 'OCBC Bank', 'United Overseas Bank'],
  gb: ['Barclays Bank', 'HSBC UK Bank', 'Lloyds Bank'],
  de: ['Deutsche Bank', 'Commerzbank'],
  fr: ['BNP Paribas', 'Société Générale'],
  ng: ['Access Bank', 'Zenith Bank'],
  br: ['Itaú Unibanco', 'Banco do Brasil'],
  ca: ['Royal Bank of Canada', 'TD Canada Trust'],
};

/** Where the card was issued and who holds it: taken from the person at seeding, from the token at run time. */
export interface CardHolder {
  name: string;
  country: string;
  city: string | null;
  postalCode: string | null;
  street1: string | null;
  phoneNumber: string | null;
}

export function cardId(random: Random): string {
  return `card_test_${random.string(19, BASE36)}`;
}

/** A card as a real issuer would have produced it: brand by country (JCB is common in Japan and Thailand). */
export function generateCard(random: Random, customerId: string, holder: CardHolder, createdAtMs: number): OmiseCard {
  const country = holder.country.toLowerCase();
  const jcbWeight = country === 'jp' ? 0.45 : country === 'th' ? 0.15 : 0.03;
  const brand = random.weighted<OmiseCard['brand']>([['Visa', 0.6], ['MasterCard', 0.35], ['JCB', jcbWeight]]);
  const created = new Date(createdAtMs);
  const id = cardId(random);
  return {
    object: 'card',
    id,
    livemode: false,
    location: cardLocation(customerId, id),
    deleted: false,
    street1: holder.street1,
    street2: null,
    city: holder.city,
    state: null,
    phone_number: holder.phoneNumber,
    postal_code: holder.postalCode,
    country,
    financing: random.weighted<OmiseCard['financing']>([['credit', 0.7], ['debit', 0.3]]),
    bank: random.pick(BANKS[country] ?? BANKS.th ?? []),
    brand,
    fingerprint: `${random.string(43, BASE64)}=`,
    first_digits: null,
    last_digits: random.string(4, '0123456789'),
    name: random.chance(0.6) ? holder.name.toUpperCase() : holder.name,
    expiration_month: random.int(1, 12),
    expiration_year: created.getUTCFullYear() + random.int(1, 5),
    security_code_check: random.chance(0.97),
    tokenization_method: null,
    created_at: formatTime(createdAtMs),
  };
}

/** Omise's documented test numbers end in these digits (4242 4242 4242 4242, 5555 5555 5555 4444, 3530 1113 3330 0000). */
const TEST_CARDS: readonly (readonly [OmiseCard['brand'], string])[] = [['Visa', '4242'], ['MasterCard', '4444'], ['JCB', '0000']];

/**
 * The card a token (`tokn_test_…`) stands for. Tokens are created on vault.omise.co with the public key, which the
 * sandbox does not serve, so any well-formed token id is taken as a fresh token; its details derive from the id so
 * the same token always yields the same card.
 */
export function cardFromToken(seed: number, token: string, customerId: string, holderName: string | null, createdAtMs: number): OmiseCard {
  const random = new Random(seed, `omise:token:${token}`);
  const [brand, lastDigits] = random.pick(TEST_CARDS);
  const card = generateCard(random, customerId, {
    name: holderName ?? 'Card Holder',
    country: 'th',
    city: 'Bangkok',
    postalCode: '10320',
    street1: null,
    phoneNumber: null,
  }, createdAtMs);
  return { ...card, brand, last_digits: lastDigits, security_code_check: true, tokenization_method: null };
}
