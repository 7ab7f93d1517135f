import type { Entitlement, EntitlementCheck } from '../providers/spec/provider';
import { builder } from './builder';
import { ProviderEnum } from './provider-enum';

export const EntitlementKindEnum = builder.enumType('EntitlementKind', {
  values: ['BOOLEAN', 'NUMERIC', 'ENUM', 'CREDIT'] as const,
});

export const EntitlementType = builder.objectRef<Entitlement>('Entitlement').implement({
  description: 'Access to one feature (or a credit balance), as one provider grants it.',
  fields: (t) => ({
    featureId: t.exposeString('featureId'),
    name: t.exposeString('name', { nullable: true }),
    kind: t.field({ type: EntitlementKindEnum, resolve: (entitlement) => entitlement.kind }),
    hasAccess: t.exposeBoolean('hasAccess'),
    usageLimit: t.exposeFloat('usageLimit', { nullable: true }),
    currentUsage: t.exposeFloat('currentUsage', { nullable: true }),
    unlimited: t.exposeBoolean('unlimited'),
    resetPeriod: t.exposeString('resetPeriod', { nullable: true }),
    resetsAt: t.field({ type: 'DateTime', nullable: true, resolve: (entitlement) => entitlement.resetsAt }),
    validUntil: t.field({ type: 'DateTime', nullable: true, resolve: (entitlement) => entitlement.validUntil }),
    denialReason: t.exposeString('denialReason', { nullable: true }),
    enumValues: t.exposeStringList('enumValues', { description: 'Allowed values of an ENUM entitlement; empty otherwise.' }),
    source: t.field({ type: ProviderEnum, resolve: (entitlement) => entitlement.source }),
  }),
});

export const EntitlementCheckType = builder.objectRef<EntitlementCheck>('EntitlementCheck').implement({
  fields: (t) => ({
    featureId: t.exposeString('featureId'),
    hasAccess: t.exposeBoolean('hasAccess'),
    denialReason: t.exposeString('denialReason', { nullable: true }),
    requestedUsage: t.exposeFloat('requestedUsage', { nullable: true }),
    currentUsage: t.exposeFloat('currentUsage', { nullable: true }),
    usageLimit: t.exposeFloat('usageLimit', { nullable: true }),
    source: t.field({ type: ProviderEnum, resolve: (check) => check.source }),
    entitlement: t.field({ type: EntitlementType, nullable: true, resolve: (check) => check.entitlement }),
  }),
});
