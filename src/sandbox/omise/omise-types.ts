/**
 * The shapes the Omise simulator keeps in memory. Cards are stored as the payload Omise returns (API version
 * 2019-05-29), since nothing about a card changes how it is rendered; customers keep their fields apart from
 * the payload because lists, search and deletion read them.
 */

export type OmiseMetadata = Record<string, unknown>;

/** A saved card, exactly as `GET /customers/{id}/cards/{card_id}` returns it. */
export interface OmiseCard {
  object: 'card';
  id: string;
  livemode: false;
  location: string;
  deleted: false;
  street1: string | null;
  street2: string | null;
  city: string | null;
  state: string | null;
  phone_number: string | null;
  postal_code: string | null;
  /** ISO 3166-1 alpha-2, lower case, as the fixtures of the official clients show it. */
  country: string;
  financing: 'credit' | 'debit' | '';
  bank: string;
  brand: 'Visa' | 'MasterCard' | 'JCB';
  fingerprint: string;
  first_digits: string | null;
  last_digits: string;
  name: string;
  expiration_month: number;
  expiration_year: number;
  security_code_check: boolean;
  tokenization_method: string | null;
  created_at: string;
}

export interface OmiseCustomerRecord {
  id: string;
  /** Creation order; breaks ties between customers created in the same second. */
  sequence: number;
  /** Whole seconds in milliseconds: Omise reports `created_at` to the second. */
  createdAtMs: number;
  email: string | null;
  description: string | null;
  metadata: OmiseMetadata;
  /** Oldest first, as Omise lists a customer's cards. */
  cards: OmiseCard[];
  defaultCard: string | null;
  deleted: boolean;
}
