import type { Customer } from '../providers/spec/provider';
import { parseGlobalId } from '../routing/global-id';
import { checkIdentifier } from '../routing/identifier-rules';
import { AddressType } from './address';
import { builder } from './builder';
import { CustomerStateType } from './customer-state';
import { EntitlementType } from './entitlement';
import { NodeInterface } from './node';
import { ProviderEnum } from './provider-enum';
import { rethrow } from './errors';

export const CustomerStatusEnum = builder.enumType('CustomerStatus', {
  description: "The provider's lifecycle word mapped to one scale; `providerStatus` keeps the original.",
  values: ['ACTIVE', 'ARCHIVED', 'DELETED', 'INACTIVE', 'PENDING', 'BLOCKED'] as const,
});

export const CustomerType = builder.objectRef<Customer>('Customer');

CustomerType.implement({
  description: 'One customer record at one provider.',
  interfaces: [NodeInterface],
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'providerId' in value && 'raw' in value,
  fields: (t) => ({
    id: t.id({ description: 'Global ID: "<provider>:<native id>".', resolve: (customer) => `${customer.provider}:${customer.providerId}` }),
    provider: t.field({ type: ProviderEnum, resolve: (customer) => customer.provider }),
    providerId: t.exposeString('providerId', { description: "The provider's own id." }),
    externalId: t.exposeString('externalId', { nullable: true, description: "The caller's own id for this person, shared across providers." }),
    email: t.field({ type: 'EmailAddress', nullable: true, resolve: (customer) => customer.email }),
    name: t.exposeString('name', { nullable: true }),
    status: t.field({ type: CustomerStatusEnum, resolve: (customer) => customer.status }),
    providerStatus: t.exposeString('providerStatus', { nullable: true }),
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Null only for a deleted customer whose provider keeps no more than a tombstone.',
      resolve: (customer) => customer.createdAt,
    }),
    updatedAt: t.field({ type: 'DateTime', nullable: true, resolve: (customer) => customer.updatedAt }),
    fetchedAt: t.field({
      type: 'DateTime',
      description: 'When the gateway read this from the provider: a cached answer is never older than its provider\'s cache TTL.',
      resolve: (customer) => customer.fetchedAt ?? new Date(),
    }),
    currency: t.field({ type: 'Currency', nullable: true, resolve: (customer) => customer.currency?.toUpperCase() ?? null }),
    timezone: t.field({ type: 'TimeZone', nullable: true, resolve: (customer) => customer.timezone }),
    metadata: t.field({ type: 'JSONObject', resolve: (customer) => customer.metadata }),
    billingAddress: t.field({ type: AddressType, nullable: true, resolve: (customer) => customer.billingAddress }),
    raw: t.field({ type: 'JSONObject', description: 'The provider payload, untouched.', resolve: (customer) => customer.raw }),
    state: t.field({
      type: CustomerStateType,
      nullable: true,
      description: 'What the customer has right now. Null, with an error on this path, when the provider could not answer.',
      resolve: (customer, _args, context) => context.loaders.customerState(customer).catch(rethrow),
    }),
    entitlements: t.field({
      type: [EntitlementType],
      nullable: true,
      description: 'Entitlements at this provider (empty where it has none). Null, with an error on this path, when it could not answer.',
      resolve: (customer, _args, context) => context.loaders.customerState(customer).then((state) => state.entitlements, rethrow),
    }),
  }),
});

builder.queryFields((t) => ({
  customer: t.field({
    type: CustomerType,
    nullable: true,
    description: 'One customer by global ID; null when that provider holds nobody under the id.',
    args: { id: t.arg.id({ required: true, description: 'Global ID "<provider>:<native id>" (Omise ids also bare).' }) },
    resolve: (_root, { id }, context) => context.loaders.customer.load(parseGlobalId(String(id), context.gateway.directory)),
  }),
  customerByExternalId: t.field({
    type: CustomerType,
    nullable: true,
    description: 'One customer by your own external ID at one provider (looked up natively at Orb and Polar, through the identity index at Omise and Synctera); null when that provider holds nobody under it.',
    args: {
      externalId: t.arg.string({ required: true, description: 'Your own id for the person, as stored at the provider.' }),
      provider: t.arg({ type: ProviderEnum, required: true }),
    },
    resolve: (_root, { externalId, provider }, context) => {
      return context.loaders.customerByExternalId.load({ provider, externalId: checkIdentifier(externalId, 'externalId') });
    },
  }),
}));
