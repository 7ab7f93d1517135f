import { maxLength } from '../kit/input-rules';
import type { ProviderLimits } from '../spec/provider';

/** Orb body keys a caller may pass through `providerFields` (orb.md §2); mapped fields are not among them. */
const SHARED_PROVIDER_FIELDS = [
  'accounting_sync_configuration',
  'additional_emails',
  'auto_collection',
  'auto_issuance',
  'email_delivery',
  'hierarchy',
  'payment_configuration',
  'payment_provider',
  'payment_provider_id',
  'reporting_configuration',
  'shipping_address',
  'tax_configuration',
  'tax_id',
] as const;

export const orbLimits: ProviderLimits = {
  // Orb's list takes `created_at[gt|gte|lt|lte]` and nothing else: no email or text search.
  listFilters: ['createdAfter', 'createdBefore'],
  // Orb's pagination page was crawled saying both "100" (the current docs) and "500" (an older copy). 100 is
  // right under either reading; asking for more could be refused if 100 is the real bound.
  maxPageSize: 100,
  // Orb's own default page size, for a request without a usable limit.
  defaultPageSize: 20,
  totalCount: false,
  writableFields: {
    create: ['email', 'name', 'externalId', 'metadata', 'currency', 'timezone', 'billingAddress'],
    // `timezone` cannot be changed after creation; `currency` and `externalId` only while unset (Orb enforces that).
    update: ['email', 'name', 'externalId', 'metadata', 'currency', 'billingAddress'],
  },
  requiredOnCreate: ['email', 'name'],
  providerFields: {
    create: [...SHARED_PROVIDER_FIELDS],
    update: [...SHARED_PROVIDER_FIELDS, 'default_payment_method_id'],
  },
  idempotency: true,
  // orb.md: Idempotency-Key is at most 64 characters; Orb answers a longer one 400 (the sandbox's validator agrees).
  maxIdempotencyKeyLength: 64,
  // The customer body's string limits (orb.md §2, the sandbox's orb-validation.ts).
  inputRules: [maxLength('name', 500), maxLength('email', 500), maxLength('externalId', 500)],
  // Orb cannot archive; deleting is its only way to retire a customer.
  alternatives: { archive: 'deleteCustomer' },
  // Orb answers 400 to an id it cannot parse: for a lookup that only means "no such customer".
  absentStatuses: [400],
};
