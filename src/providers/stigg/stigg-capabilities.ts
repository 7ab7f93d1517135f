import { maxLength } from '../kit/input-rules';
import type { ProviderLimits, WritableField } from '../spec/provider';

/** Stigg's provision body beyond the unified fields, passed through `providerFields`. */
export const STIGG_PROVIDER_FIELDS = {
  create: ['billingId', 'couponId', 'language', 'defaultPaymentMethod', 'integrations', 'passthrough'],
  update: ['billingId', 'couponId', 'language', 'integrations', 'passthrough'],
} as const;

export const STIGG_WRITABLE_FIELDS: { create: readonly WritableField[]; update: readonly WritableField[] } = {
  create: ['email', 'name', 'externalId', 'metadata', 'currency', 'timezone'],
  // The customer id is the external id and cannot change.
  update: ['email', 'name', 'metadata', 'currency', 'timezone'],
};

export const stiggLimits: ProviderLimits = {
  // `name` is an exact match at Stigg, not a search, so `search` is not offered.
  listFilters: ['email', 'createdAfter', 'createdBefore'],
  maxPageSize: 100,
  totalCount: false,
  writableFields: STIGG_WRITABLE_FIELDS,
  requiredOnCreate: [],
  providerFields: STIGG_PROVIDER_FIELDS,
  // Stigg honours Idempotency-Key on POST (provision, archive, unarchive), not on PATCH.
  idempotency: true,
  // Stigg's customer body: name and email at most 255 characters (the sandbox's stigg-validation.ts).
  inputRules: [maxLength('name', 255), maxLength('email', 255)],
  alternatives: {
    delete: 'archiveCustomer',
    deleteByExternalId: 'archiveCustomer',
    syncPaymentMethods: "Stigg's POST /api/v1/customers/{id}/payment-method attaches a payment method from the billing provider",
  },
  // Stigg answers 400 to an id it cannot parse: for a lookup that only means "no such customer".
  absentStatuses: [400],
};
