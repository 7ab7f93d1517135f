import type { ProviderLimits } from '../spec/provider';

export const polarLimits: ProviderLimits = {
  listFilters: ['email', 'search'],
  maxPageSize: 100,
  totalCount: true,
  writableFields: {
    create: ['email', 'name', 'externalId', 'metadata', 'billingAddress'],
    // externalId only while the customer has none: Polar answers 422 to any change of an existing one.
    update: ['email', 'name', 'externalId', 'metadata', 'billingAddress'],
  },
  requiredOnCreate: ['email'],
  providerFields: { create: ['type', 'tax_id', 'locale', 'owner', 'organization_id'], update: ['tax_id', 'locale'] },
  idempotency: false,
  anonymizeOnDelete: true,
  alternatives: {},
  // Polar answers 422 to an id that is not a UUID4; for a lookup that only means "no such customer".
  absentStatuses: [422],
};
