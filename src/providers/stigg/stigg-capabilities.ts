import { maxLength } from '../kit/input-rules';
import type { ProviderCapabilities } from '../spec/provider';
import { STIGG_PROVIDER_FIELDS, STIGG_WRITABLE_FIELDS } from './stigg-write';

export const STIGG_MAX_PAGE_SIZE = 100;

export const stiggCapabilities: ProviderCapabilities = {
  batchSize: 1,
  externalIdLookup: 'customer-id',
  // `name` is an exact match at Stigg, not a search, so `search` is not offered.
  listFilters: ['email', 'createdAfter', 'createdBefore'],
  maxPageSize: STIGG_MAX_PAGE_SIZE,
  totalCount: false,
  state: false,
  entitlements: 'endpoint',
  entitlementCheck: 'endpoint',
  // Updating by id and by external id is the same call: the id is the external id.
  operations: ['create', 'update', 'updateByExternalId', 'archive', 'unarchive'],
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
};
