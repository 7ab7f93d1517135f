import { BASE62, type Random } from '../shared/random';
import { orbTimestamp, type OrbPaymentMethod, type OrbPaymentProvider } from './orb-types';

/** Orb ids are opaque base62, 15–16 characters in every example (`DBhwNcMNfYgeBpn`, `ZMwNQefe7J3ecf7W`). */
export function newOrbId(random: Random, taken: (id: string) => boolean): string {
  for (;;) {
    const id = random.string(random.int(15, 16), BASE62);
    if (!taken(id)) return id;
  }
}

/** Mostly zero; some prepaid credit, a few small amounts owed. Decimal strings, as Orb sends money. */
export function balance(random: Random): string {
  const roll = random.next();
  if (roll < 0.8) return '0.00';
  if (roll < 0.95) return `${random.pick([10, 25, 50, 100, 250, 500])}.00`;
  return `-${random.int(1, 120)}.${String(random.int(0, 99)).padStart(2, '0')}`;
}

export function providerId(ids: Random, provider: OrbPaymentProvider | null): string | null {
  switch (provider) {
    case null:
      return null;
    case 'stripe_charge':
    case 'stripe_invoice':
      return `cus_${ids.string(14, BASE62)}`;
    case 'quickbooks':
    case 'netsuite':
      return ids.string(ids.int(3, 6), '0123456789');
    case 'bill.com':
      return `0cu01${ids.string(15, BASE62)}`;
    case 'adyen':
      return ids.string(16, BASE62);
  }
}

/** A default payment method as Orb mirrors it from Stripe. */
export function paymentMethod(random: Random, ids: Random, customerId: string, createdAt: Date): OrbPaymentMethod {
  return {
    id: ids.string(16, BASE62),
    created_at: orbTimestamp(createdAt),
    customer_id: customerId,
    default: true,
    external_payment_method_id: `pm_${ids.string(24, BASE62)}`,
    payment_method_type: random.weighted([['card', 85], ['us_bank_account', 8], ['link', 7]] as const),
    provider_type: 'stripe',
  };
}
