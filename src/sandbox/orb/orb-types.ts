import { memoize } from '../shared/memo';

/**
 * Orb's customer payload as orb-node 5.x declares it (`src/resources/customers/customers.ts`), field for field,
 * so the official client deserialises what the sandbox sends without surprises.
 */

export interface OrbAddress {
  city: string | null;
  country: string | null;
  line1: string | null;
  line2: string | null;
  postal_code: string | null;
  state: string | null;
}

export interface OrbCustomerMinified {
  id: string;
  external_customer_id: string | null;
}

export type OrbPaymentProvider = 'quickbooks' | 'bill.com' | 'stripe_charge' | 'stripe_invoice' | 'netsuite' | 'adyen';

export const ORB_PAYMENT_PROVIDERS: readonly OrbPaymentProvider[] = ['quickbooks', 'bill.com', 'stripe_charge', 'stripe_invoice', 'netsuite', 'adyen'];

export interface OrbPaymentMethod {
  id: string;
  created_at: string;
  customer_id: string;
  default: boolean;
  external_payment_method_id: string;
  payment_method_type: 'card' | 'us_bank_account' | 'link' | 'amazon_pay' | 'crypto';
  provider_type: string | null;
}

export interface OrbTaxId {
  country: string;
  type: string;
  value: string;
}

export interface OrbCustomer {
  id: string;
  additional_emails: string[];
  auto_collection: boolean;
  auto_issuance: boolean | null;
  balance: string;
  billing_address: OrbAddress | null;
  created_at: string;
  currency: string | null;
  email: string;
  email_delivery: boolean;
  exempt_from_automated_tax: boolean | null;
  external_customer_id: string | null;
  hierarchy: { children: OrbCustomerMinified[]; parent: OrbCustomerMinified | null };
  metadata: Record<string, string>;
  name: string;
  payment_provider: OrbPaymentProvider | null;
  payment_provider_id: string | null;
  portal_url: string | null;
  shipping_address: OrbAddress | null;
  tax_id: OrbTaxId | null;
  timezone: string;
  accounting_sync_configuration: Record<string, unknown> | null;
  automatic_tax_enabled: boolean | null;
  default_payment_method: OrbPaymentMethod | null;
  payment_configuration: Record<string, unknown> | null;
  reporting_configuration: { exempt: boolean } | null;
}

/** One stored customer: the payload plus what the store sorts and filters by. */
export interface OrbCustomerRecord {
  customer: OrbCustomer;
  createdAtMs: number;
  /** Soft-deleted: fetch answers `{id, deleted: true}`, lists skip it, writes answer 404. */
  deleted: boolean;
}

/** Orb writes timestamps as `2022-05-01T07:01:31+00:00` (docs examples); milliseconds only when there are some. */
export function orbTimestamp(date: Date): string {
  return orbTime(date.getTime());
}

const orbTime = memoize((time: number) => new Date(time).toISOString().replace(/\.000Z$/, 'Z').replace(/Z$/, '+00:00'));
