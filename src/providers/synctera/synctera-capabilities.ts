import { rule } from '../kit/input-rules';
import type { ProviderCapabilities } from '../spec/provider';
import { SYNCTERA_PROVIDER_FIELDS, SYNCTERA_WRITABLE_FIELDS } from './synctera-body';

/** Largest page and largest `id=` batch: "If the limit is greater than 100, then it will be set to 100". */
export const SYNCTERA_MAX_PAGE = 100;

/** What Synctera v0's customer API can do, as the gateway needs to know it. */
export const syncteraCapabilities: ProviderCapabilities = {
  batchSize: SYNCTERA_MAX_PAGE,
  // No external-id concept: the caller's id sits in metadata.external_id and the gateway's index finds it.
  externalIdLookup: 'index',
  // `email` only: Synctera has no creation-time range, and no free-text search over names and emails.
  listFilters: ['email'],
  maxPageSize: SYNCTERA_MAX_PAGE,
  totalCount: false,
  state: false,
  entitlements: 'none',
  entitlementCheck: 'none',
  operations: ['create', 'update'],
  writableFields: { create: SYNCTERA_WRITABLE_FIELDS, update: SYNCTERA_WRITABLE_FIELDS },
  requiredOnCreate: ['name'],
  providerFields: { create: SYNCTERA_PROVIDER_FIELDS, update: SYNCTERA_PROVIDER_FIELDS },
  idempotency: true,
  // Synctera stores `first_name` and `last_name`, both required on a customer: a name is split at its first
  // space (DESIGN §3), so a one-word name cannot be written.
  inputRules: [
    rule('name', (value) =>
      typeof value === 'string' && !/^\S+\s+\S/.test(value.trim()) ? 'name must be a first and a last name, separated by a space (Synctera stores both)' : null,
    ),
  ],
  alternatives: {
    delete: 'updateCustomer with providerFields.status = "INACTIVE" (Synctera has no delete; the lifecycle is the status)',
    archive: 'updateCustomer with providerFields.status = "INACTIVE" or "DORMANT"',
    unarchive: 'updateCustomer with providerFields.status = "ACTIVE"',
  },
};
