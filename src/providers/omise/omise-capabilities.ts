import type { ProviderLimits } from '../spec/provider';

/** Omise has no external id: it lives in `metadata.external_id`, which the gateway's identity index resolves. */
export const OMISE_EXTERNAL_ID_KEY = 'external_id';

export const omiseLimits: ProviderLimits = {
  // The list takes `from`/`to`; text search goes through the Search API (`query`), which also takes
  // `filters[created]`, so search combines with the date window. No exact email filter: `query` matches
  // substrings across email, description and metadata, and Omise documents no email filter for customers, so
  // an exact match could only be faked by dropping rows after paging (wrong pages, wrong totals).
  listFilters: ['createdAfter', 'createdBefore', 'search'],
  // Lists: `limit` max 100. Search `per_page` has no documented maximum; the adapter keeps it to the same 100.
  maxPageSize: 100,
  // Omise's own default `limit`, for a request without a usable one.
  defaultPageSize: 20,
  totalCount: true,
  writableFields: {
    create: ['email', 'name', 'externalId', 'metadata'],
    update: ['email', 'name', 'externalId', 'metadata'],
  },
  requiredOnCreate: [],
  providerFields: {
    // `card`: an unused token (`tokn_…`) saved as a card; `linked_account`: a direct-debit account (omise-go).
    create: ['card', 'linked_account'],
    // `default_card`: one of the customer's card ids.
    update: ['card', 'default_card', 'linked_account'],
  },
  // Omise documents no idempotency key and its SDKs send none: a write is never retried.
  idempotency: false,
  // Omise cannot archive (deleting is final) and has no gateway sync: its cards arrive inside the customer, and a
  // card is added with updateCustomer's `providerFields.card`.
  alternatives: { syncPaymentMethods: 'updateCustomer' },
  // Omise answers an unknown (or malformed) id with 404 not_found, some malformed ones with 400.
  absentStatuses: [400],
};
