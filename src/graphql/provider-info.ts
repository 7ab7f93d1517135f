import { probeHealth, type ProviderHealth } from '../loaders/provider-health';
import type { DirectoryEntry } from '../routing/provider-directory';
import type { ProviderCapabilities } from '../providers/spec/provider';
import { builder } from './builder';
import { ProviderEnum } from './provider-enum';

const ProviderModeEnum = builder.enumType('ProviderMode', {
  values: { SANDBOX: { description: 'The embedded sandbox.' }, LIVE: { description: "The provider's real API." } },
});

const CapabilitiesType = builder.objectRef<ProviderCapabilities>('ProviderCapabilities').implement({
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

const HealthType = builder.objectRef<ProviderHealth>('ProviderHealth').implement({
  fields: (t) => ({
    ok: t.exposeBoolean('ok'),
    latencyMs: t.exposeFloat('latencyMs'),
    message: t.exposeString('message', { nullable: true, description: 'Why the check failed.' }),
  }),
});

const ProviderInfoType = builder.objectRef<DirectoryEntry>('ProviderInfo').implement({
  fields: (t) => ({
    name: t.field({ type: ProviderEnum, resolve: (entry) => entry.provider.name }),
    displayName: t.string({ resolve: (entry) => entry.provider.displayName }),
    mode: t.field({ type: ProviderModeEnum, resolve: (entry) => entry.mode }),
    baseUrl: t.exposeString('baseUrl', { nullable: true, description: 'Where the gateway reaches the provider; null in production, where it is not published.' }),
    capabilities: t.field({ type: CapabilitiesType, resolve: (entry) => entry.provider.capabilities }),
    health: t.field({
      type: HealthType,
      description: 'Asks the provider for one customer now: one upstream call per provider and request, however often it is asked.',
      resolve: (entry, _args, context) => {
        const known = context.providerHealth.get(entry.provider.name) as Promise<ProviderHealth> | undefined;
        if (known !== undefined) return known;
        const health = probeHealth(entry.provider, context.signal);
        context.providerHealth.set(entry.provider.name, health);
        return health;
      },
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
