import type { DirectoryEntry } from '../routing/provider-directory';
import { capabilityReport, type CapabilityReport } from '../routing/capabilities';
import { breakerHealth, type ProviderHealthReport } from '../loaders/breaker-health';
import { builder } from './builder';
import { ProviderEnum } from './provider-enum';

const ProviderModeEnum = builder.enumType('ProviderMode', {
  values: { SANDBOX: { description: 'The embedded sandbox.' }, LIVE: { description: "The provider's real API." } },
});

const CapabilitiesType = builder.objectRef<CapabilityReport>('ProviderCapabilities').implement({
  fields: (t) => ({
    batchSize: t.exposeInt('batchSize', { description: 'Customers one call can fetch by id.' }),
    externalIdLookup: t.exposeString('externalIdLookup', { description: 'native, customer-id or index (the gateway keeps an index).' }),
    listFilters: t.exposeStringList('listFilters'),
    maxPageSize: t.exposeInt('maxPageSize'),
    totalCount: t.exposeBoolean('totalCount'),
    state: t.exposeBoolean('state'),
    entitlements: t.exposeString('entitlements'),
    entitlementCheck: t.exposeString('entitlementCheck'),
    operations: t.exposeStringList('operations'),
    idempotency: t.exposeBoolean('idempotency', { description: 'The provider honours Idempotency-Key.' }),
  }),
});

const BreakerStateEnum = builder.enumType('BreakerState', {
  values: {
    CLOSED: { description: 'Calls flow normally.' },
    OPEN: { description: 'Recent calls failed; calls fail at once with PROVIDER_UNAVAILABLE until a probe succeeds.' },
    HALF_OPEN: { description: 'One probe call is testing whether the provider is back.' },
  },
});

const HealthType = builder.objectRef<ProviderHealthReport>('ProviderHealth').implement({
  description: "The provider's circuit breaker and recent latency, as the gateway sees them from its own calls.",
  fields: (t) => ({
    ok: t.boolean({ description: 'The breaker is closed: calls go through.', resolve: (health) => health.state === 'CLOSED' }),
    state: t.field({ type: BreakerStateEnum, resolve: (health) => health.state }),
    since: t.field({ type: 'DateTime', description: 'When the breaker last changed state (or the gateway started).', resolve: (health) => health.since }),
    latencyMs: t.exposeFloat('latencyMs', { nullable: true, description: 'Median of recent successful reads; null before the first.' }),
    message: t.string({ nullable: true, description: 'The failure that opened the breaker, while it is not closed.', resolve: (health) => health.lastFailure }),
  }),
});

const ProviderInfoType = builder.objectRef<DirectoryEntry>('ProviderInfo').implement({
  fields: (t) => ({
    name: t.field({ type: ProviderEnum, resolve: (entry) => entry.provider.name }),
    displayName: t.string({ resolve: (entry) => entry.provider.displayName }),
    mode: t.field({ type: ProviderModeEnum, resolve: (entry) => entry.mode }),
    baseUrl: t.exposeString('baseUrl', { nullable: true, description: 'Where the gateway reaches the provider; null in production, where it is not published.' }),
    capabilities: t.field({ type: CapabilitiesType, resolve: (entry) => capabilityReport(entry.provider) }),
    health: t.field({
      type: HealthType,
      description: "From the provider's circuit breaker: answers at once, without calling the provider.",
      resolve: (entry, _args, context) => breakerHealth(context.gateway.resilience, entry.provider.name),
    }),
  }),
});

builder.queryFields((t) => ({
  providers: t.field({
    type: [ProviderInfoType],
    description: 'The providers behind the gateway: how each runs (sandbox or live) and what it can do.',
    resolve: (_root, _args, context) => context.gateway.directory.list(),
  }),
}));
