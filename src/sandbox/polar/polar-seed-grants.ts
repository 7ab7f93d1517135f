import type { Random } from '../shared/random';
import type { PolarCatalog, PolarProduct } from './polar-catalog';
import { polarTimestamp } from './polar-serialize';
import type { PolarCustomerMeterRecord, PolarCustomerRecord, PolarGrantRecord, PolarSubscriptionRecord } from './polar-types';

/** Overage on a metered price: 50 cents per started thousand requests beyond the credits. */
const OVERAGE_CENTS_PER_THOUSAND = 50;

/**
 * Grants every benefit of the subscribed product, as Polar does when a subscription becomes active or trialing.
 * A meter_credit benefit credits its meter for the current period; the customer has used part of it (a few are over).
 */
export function grantPolarProduct(
  customer: PolarCustomerRecord,
  subscription: PolarSubscriptionRecord,
  product: PolarProduct,
  catalog: PolarCatalog,
  random: Random,
  latest: Date,
): void {
  const notAfter = (date: Date) => (date > latest ? latest : date);
  const grantedAt = notAfter(new Date(subscription.createdAt.getTime() + random.int(1, 90) * 1000));
  const heavy = random.weighted([[0.3, 5], [0.9, 3.5], [1.3, 1.5]] as const);
  for (const benefitId of product.benefitIds) {
    const benefit = catalog.benefits.get(benefitId);
    if (benefit === undefined) continue;
    const grant: PolarGrantRecord = { id: random.uuid(), createdAt: grantedAt, modifiedAt: null, grantedAt, benefitId, subscriptionId: subscription.id, properties: {} };
    if (benefit.type === 'license_keys') grant.properties = { license_key_id: random.uuid(), display_key: `****-${random.string(6, '0123456789ABCDEF')}` };
    if (benefit.type === 'downloadables') grant.properties = { files: [random.uuid(), random.uuid()] };
    if (benefit.type === 'meter_credit' && benefit.meterId !== undefined && benefit.units !== undefined) {
      grant.modifiedAt = subscription.currentPeriodStart;
      grant.properties = {
        last_credited_meter_id: benefit.meterId,
        last_credited_units: benefit.units,
        last_credited_at: polarTimestamp(subscription.currentPeriodStart),
      };
      const fractional = Object.values(catalog.meters).find((meter) => meter.id === benefit.meterId)?.fractional ?? false;
      const used = benefit.units * heavy * random.next();
      const meter: PolarCustomerMeterRecord = {
        id: random.uuid(),
        createdAt: subscription.currentPeriodStart,
        modifiedAt: used > 0 ? notAfter(new Date(subscription.currentPeriodStart.getTime() + random.int(1, 72) * 3600 * 1000)) : null,
        meterId: benefit.meterId,
        // Storage is metered in fractional gigabytes, requests in whole units.
        consumedUnits: fractional ? Math.round(used * 100) / 100 : Math.floor(used),
        creditedUnits: benefit.units,
      };
      customer.meters.push(meter);
      if (product.meteredMeterId === meter.meterId) {
        const overage = Math.max(0, meter.consumedUnits - meter.creditedUnits);
        subscription.meters.push({
          id: random.uuid(),
          createdAt: subscription.createdAt,
          modifiedAt: meter.modifiedAt,
          meterId: meter.meterId,
          consumedUnits: meter.consumedUnits,
          creditedUnits: meter.creditedUnits,
          amount: Math.ceil(overage / 1000) * OVERAGE_CENTS_PER_THOUSAND,
        });
      }
    }
    customer.grants.push(grant);
  }
}
