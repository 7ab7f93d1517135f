import type { CustomerOperation, CustomerProvider, CustomerWrites } from '../providers/spec/provider';

/**
 * What the graph shows of a provider (`providers { capabilities }`) and what the gateway plans with: derived from
 * which methods the adapter has and from its limits, never declared twice.
 */
export interface CapabilityReport {
  /** Ids one call can fetch; 1 without a many-ids endpoint. */
  batchSize: number;
  externalIdLookup: 'native' | 'customer-id' | 'index';
  listFilters: readonly string[];
  maxPageSize: number;
  totalCount: boolean;
  /** A state endpoint exists. */
  state: boolean;
  /** `state`: entitlements arrive in the state payload (`CustomerState.entitlements`). */
  entitlements: 'endpoint' | 'state' | 'none';
  /** `derived`: the gateway decides from the provider's entitlements. */
  entitlementCheck: 'endpoint' | 'derived' | 'none';
  operations: CustomerOperation[];
  idempotency: boolean;
}

/** Every operation, in the order the graph lists them. */
const OPERATIONS: readonly CustomerOperation[] = ['create', 'update', 'updateByExternalId', 'delete', 'deleteByExternalId', 'archive', 'unarchive', 'syncPaymentMethods'];

/** The operations the provider has: those whose write method is present. */
export function operationsOf(provider: CustomerProvider): CustomerOperation[] {
  const writes: CustomerWrites = provider.writes ?? {};
  return OPERATIONS.filter((operation) => writes[operation] !== undefined);
}

export function entitlementSource(provider: CustomerProvider): CapabilityReport['entitlements'] {
  if (provider.entitlements !== undefined) return 'endpoint';
  return provider.state !== undefined ? 'state' : 'none';
}

export function entitlementCheckOf(provider: CustomerProvider): CapabilityReport['entitlementCheck'] {
  if (provider.entitlements?.check !== undefined) return 'endpoint';
  return entitlementSource(provider) === 'none' ? 'none' : 'derived';
}

export function capabilityReport(provider: CustomerProvider): CapabilityReport {
  const { limits, customers } = provider;
  return {
    batchSize: customers.batch?.maxIds ?? 1,
    externalIdLookup: customers.byExternalId.kind,
    listFilters: limits.listFilters,
    maxPageSize: limits.maxPageSize,
    totalCount: limits.totalCount,
    state: provider.state !== undefined,
    entitlements: entitlementSource(provider),
    entitlementCheck: entitlementCheckOf(provider),
    operations: operationsOf(provider),
    idempotency: limits.idempotency,
  };
}
