import { createHash } from 'node:crypto';
import { memoize } from '../shared/memo';
import type { PolarCatalog } from './polar-catalog';
import type { PolarCustomerRecord, PolarSubscriptionRecord } from './polar-types';

/**
 * Pydantic's datetime format: UTC with `Z`, microseconds only when the instant has a fraction
 * (`2025-02-03T13:37:00Z`, `2025-02-03T13:37:00.120000Z`).
 */
export function polarTimestamp(date: Date): string;
export function polarTimestamp(date: Date | null): string | null;
export function polarTimestamp(date: Date | null): string | null {
  return date === null ? null : pydanticTime(date.getTime());
}

const pydanticTime = memoize((time: number) => {
  const date = new Date(time);
  const iso = date.toISOString();
  return date.getUTCMilliseconds() === 0 ? iso.replace('.000Z', 'Z') : iso.replace('Z', '000Z');
});

/** Gravatar of the email (or, for a team without one, of its name or id), as Polar computes it without logo.dev. */
const gravatarUrl = memoize(
  (identifier: string) => `https://www.gravatar.com/avatar/${createHash('sha256').update(identifier.toLowerCase()).digest('hex')}?d=404`,
);

function avatarUrl(customer: PolarCustomerRecord): string {
  return gravatarUrl(customer.email ?? customer.name ?? customer.id);
}

/** `CustomerIndividual` / `CustomerTeam`, fields in the order Polar's schema lists them. */
export function serializePolarCustomer(customer: PolarCustomerRecord): Record<string, unknown> {
  return {
    id: customer.id,
    created_at: polarTimestamp(customer.createdAt),
    modified_at: polarTimestamp(customer.modifiedAt),
    metadata: { ...customer.metadata },
    external_id: customer.externalId,
    email: customer.email,
    email_verified: customer.emailVerified,
    type: customer.type,
    name: customer.name,
    billing_name: customer.billingName ?? customer.name,
    billing_address: customer.billingAddress === null ? null : { ...customer.billingAddress },
    tax_id: customer.taxId === null ? null : [...customer.taxId],
    locale: customer.locale,
    organization_id: customer.organizationId,
    default_payment_method_id: customer.defaultPaymentMethodId,
    deleted_at: polarTimestamp(customer.deletedAt),
    first_user_event_at: polarTimestamp(customer.firstUserEventAt),
    avatar_url: avatarUrl(customer),
  };
}

function serializeSubscription(subscription: PolarSubscriptionRecord): Record<string, unknown> {
  return {
    id: subscription.id,
    created_at: polarTimestamp(subscription.createdAt),
    modified_at: polarTimestamp(subscription.modifiedAt),
    custom_field_data: {},
    metadata: { ...subscription.metadata },
    status: subscription.status,
    amount: subscription.amount,
    currency: subscription.currency,
    recurring_interval: subscription.interval,
    current_period_start: polarTimestamp(subscription.currentPeriodStart),
    current_period_end: polarTimestamp(subscription.currentPeriodEnd),
    trial_start: polarTimestamp(subscription.trialStart),
    trial_end: polarTimestamp(subscription.trialEnd),
    cancel_at_period_end: subscription.cancelAtPeriodEnd,
    canceled_at: polarTimestamp(subscription.canceledAt),
    started_at: polarTimestamp(subscription.startedAt),
    ends_at: polarTimestamp(subscription.endsAt),
    product_id: subscription.productId,
    discount_id: subscription.discountId,
    meters: subscription.meters.map((meter) => ({
      created_at: polarTimestamp(meter.createdAt),
      modified_at: polarTimestamp(meter.modifiedAt),
      id: meter.id,
      consumed_units: meter.consumedUnits,
      credited_units: meter.creditedUnits,
      amount: meter.amount,
      meter_id: meter.meterId,
    })),
  };
}

/**
 * `CustomerState`: the customer plus what it has now. Only active and trialing subscriptions appear; grants come
 * from those subscriptions alone, and each active meter's balance is what its credits leave.
 */
export function serializePolarState(customer: PolarCustomerRecord, catalog: PolarCatalog): Record<string, unknown> {
  const live = customer.subscriptions.filter((subscription) => subscription.status === 'active' || subscription.status === 'trialing');
  const liveIds = new Set(live.map((subscription) => subscription.id));
  return {
    ...serializePolarCustomer(customer),
    active_subscriptions: live.map(serializeSubscription),
    granted_benefits: customer.grants
      .filter((grant) => liveIds.has(grant.subscriptionId))
      .map((grant) => {
        const benefit = catalog.benefits.get(grant.benefitId);
        return {
          id: grant.id,
          created_at: polarTimestamp(grant.createdAt),
          modified_at: polarTimestamp(grant.modifiedAt),
          granted_at: polarTimestamp(grant.grantedAt),
          benefit_id: grant.benefitId,
          benefit_type: benefit?.type ?? 'custom',
          benefit_metadata: { ...benefit?.metadata },
          properties: structuredClone(grant.properties),
        };
      }),
    active_meters: customer.meters.map((meter) => ({
      id: meter.id,
      created_at: polarTimestamp(meter.createdAt),
      modified_at: polarTimestamp(meter.modifiedAt),
      meter_id: meter.meterId,
      consumed_units: meter.consumedUnits,
      credited_units: meter.creditedUnits,
      balance: Math.round((meter.creditedUnits - meter.consumedUnits) * 100) / 100,
    })),
  };
}
