import { isoTimestamp } from '../shared/memo';

/**
 * The records the Stigg simulator keeps. The customer payload fields follow `CustomerResponse.data` of the
 * official TypeScript SDK; the entitlement state (subscription, usage, credits, resources) is what Stigg
 * evaluates entitlements from and is never sent as is.
 */

export interface StiggPaymentMethod {
  billingId: string | null;
  cardExpiryMonth: number | null;
  cardExpiryYear: number | null;
  cardLast4Digits: string | null;
  type: 'CARD' | 'BANK' | 'CASH_APP';
}

export interface StiggIntegration {
  id: string;
  syncedEntityId: string | null;
  vendorIdentifier: string;
}

/** A plan subscription: the plan's entitlements apply from `startedAt`, which also anchors monthly resets. */
export interface StiggSubscription {
  planId: string;
  startedAt: Date;
}

export interface StiggCredits {
  currencyId: string;
  granted: number;
  consumed: number;
  updatedAt: Date;
}

/** What entitlements are computed from: a customer, or one of its resources. */
export interface StiggEntitlementScope {
  subscription: StiggSubscription | null;
  /** Current usage per NUMBER feature id. */
  usage: Record<string, number>;
  credits: StiggCredits | null;
}

/** Ordered newest first by (`createdAtMs`, `sequence`); the sequence also names the record in cursors. */
export interface StiggOrderedRecord {
  createdAtMs: number;
  sequence: number;
}

export interface StiggResourceRecord extends StiggOrderedRecord, StiggEntitlementScope {
  id: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface StiggCustomerRecord extends StiggOrderedRecord, StiggEntitlementScope {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  archivedAt: Date | null;
  name: string | null;
  email: string | null;
  billingId: string | null;
  billingCurrency: string | null;
  couponId: string | null;
  language: string | null;
  timezone: string | null;
  metadata: Record<string, string>;
  defaultPaymentMethod: StiggPaymentMethod | null;
  integrations: StiggIntegration[];
  /** Newest first, like the customer list. */
  resources: StiggResourceRecord[];
}

/** The customer object exactly as the REST API returns it. */
export function customerPayload(record: StiggCustomerRecord): Record<string, unknown> {
  return {
    id: record.id,
    createdAt: isoTimestamp(record.createdAt),
    updatedAt: isoTimestamp(record.updatedAt),
    archivedAt: record.archivedAt === null ? null : isoTimestamp(record.archivedAt),
    name: record.name,
    email: record.email,
    billingId: record.billingId,
    billingCurrency: record.billingCurrency,
    couponId: record.couponId,
    language: record.language,
    timezone: record.timezone,
    metadata: { ...record.metadata },
    integrations: record.integrations.map((integration) => ({ ...integration })),
    defaultPaymentMethod: record.defaultPaymentMethod === null ? null : { ...record.defaultPaymentMethod },
  };
}

export function resourcePayload(record: StiggResourceRecord): Record<string, unknown> {
  return { id: record.id, createdAt: isoTimestamp(record.createdAt), updatedAt: isoTimestamp(record.updatedAt) };
}

/** Why Stigg denies an entitlement; a denial is an answer (HTTP 200, `isGranted: false`), not an error. */
export type StiggDenialReason =
  | 'FeatureNotFound'
  | 'CustomerNotFound'
  | 'CustomerIsArchived'
  | 'CustomerResourceNotFound'
  | 'NoActiveSubscription'
  | 'NoFeatureEntitlementInSubscription'
  | 'RequestedUsageExceedingLimit'
  | 'RequestedValuesMismatch'
  | 'FeatureTypeMismatch'
  | 'InsufficientCredits';

export interface StiggCheckRequest {
  requestedUsage?: number;
  requestedValues?: string[];
}
