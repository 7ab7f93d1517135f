/** The simulator's own records: what Polar keeps in its database, before serialisation into API payloads. */

export type PolarMetadata = Record<string, string | number | boolean>;

export interface PolarAddress {
  line1: string | null;
  line2: string | null;
  postal_code: string | null;
  city: string | null;
  state: string | null;
  country: string;
}

export type PolarCustomerType = 'individual' | 'team';

/** Subscription statuses Polar stores; only `active` and `trialing` show in the customer state. */
export type PolarSubscriptionStatus = 'active' | 'trialing' | 'past_due' | 'canceled';

export type PolarInterval = 'day' | 'week' | 'month' | 'year';

export interface PolarSubscriptionMeterRecord {
  id: string;
  createdAt: Date;
  modifiedAt: Date | null;
  meterId: string;
  consumedUnits: number;
  creditedUnits: number;
  /** Overage charged so far, in cents. */
  amount: number;
}

export interface PolarSubscriptionRecord {
  id: string;
  createdAt: Date;
  modifiedAt: Date | null;
  metadata: PolarMetadata;
  status: PolarSubscriptionStatus;
  amount: number;
  currency: string;
  interval: PolarInterval;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  trialStart: Date | null;
  trialEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  canceledAt: Date | null;
  startedAt: Date | null;
  endsAt: Date | null;
  productId: string;
  discountId: string | null;
  meters: PolarSubscriptionMeterRecord[];
}

export interface PolarGrantRecord {
  id: string;
  createdAt: Date;
  modifiedAt: Date | null;
  grantedAt: Date;
  benefitId: string;
  /** The subscription that grants it: revoked with it. */
  subscriptionId: string;
  properties: Record<string, unknown>;
}

export interface PolarCustomerMeterRecord {
  id: string;
  createdAt: Date;
  modifiedAt: Date | null;
  meterId: string;
  consumedUnits: number;
  creditedUnits: number;
}

/**
 * A seeded customer's subscription history, decided up front but drawn on first use from the customer's own random
 * stream: seeding 100,000 people stays fast, and the `active` filter can answer from `outcome` alone.
 */
export interface PolarHistoryPlan {
  outcome: 'active' | 'trialing' | 'past_due' | 'canceled';
  productId: string;
  currency: string;
  seedNow: Date;
}

export interface PolarCustomerRecord {
  id: string;
  createdAt: Date;
  modifiedAt: Date | null;
  metadata: PolarMetadata;
  externalId: string | null;
  email: string | null;
  emailVerified: boolean;
  type: PolarCustomerType;
  name: string | null;
  /** Set explicitly only at checkout; the API falls back to `name`. */
  billingName: string | null;
  billingAddress: PolarAddress | null;
  taxId: [string, string] | null;
  locale: string | null;
  organizationId: string;
  defaultPaymentMethodId: string | null;
  deletedAt: Date | null;
  firstUserEventAt: Date | null;
  /** Null once drawn (or for customers created at run time). */
  plannedHistory: PolarHistoryPlan | null;
  subscriptions: PolarSubscriptionRecord[];
  grants: PolarGrantRecord[];
  meters: PolarCustomerMeterRecord[];
}

type FreshParts = 'defaultPaymentMethodId' | 'deletedAt' | 'firstUserEventAt' | 'plannedHistory' | 'subscriptions' | 'grants' | 'meters';

/** What every new customer record starts without, whether seeded or created through the API. */
export function freshCustomerParts(): Pick<PolarCustomerRecord, FreshParts> {
  return { defaultPaymentMethodId: null, deletedAt: null, firstUserEventAt: null, plannedHistory: null, subscriptions: [], grants: [], meters: [] };
}
