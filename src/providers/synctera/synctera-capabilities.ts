import { rule } from '../kit/input-rules';
import type { ProviderLimits } from '../spec/provider';

/** Unified fields Synctera stores (DESIGN §3); currency and timezone have no home there. */
const SYNCTERA_WRITABLE_FIELDS = ['email', 'name', 'externalId', 'metadata', 'billingAddress'] as const;

/** Body fields a caller may set through `providerFields`, on create and on update alike. */
const SYNCTERA_PROVIDER_FIELDS = ['status', 'dob', 'phone_number', 'middle_name', 'ssn', 'shipping_address', 'ban_status', 'note'] as const;

/** Largest page and largest `id=` batch: "If the limit is greater than 100, then it will be set to 100". */
export const SYNCTERA_MAX_PAGE = 100;

/** What Synctera v0's customer API allows, as the gateway needs to know it. */
export const syncteraLimits: ProviderLimits = {
  // `email` only: Synctera has no creation-time range, and no free-text search over names and emails.
  listFilters: ['email'],
  maxPageSize: SYNCTERA_MAX_PAGE,
  totalCount: false,
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
  // 404 for an unknown id; 400 for one that is not a UUID (v0 answers bad URLs with 400).
  absentStatuses: [400],
};
