import { GraphQLError } from 'graphql';
import type { CustomerChangeMessage } from '../changes/customer-change';
import type { GraphContext } from '../context';
import { formatGlobalId, parseGlobalId } from '../routing/global-id';
import { builder } from './builder';
import { CustomerType } from './customer';
import { rethrow } from './errors';
import { ProviderEnum } from './provider-enum';

export const CustomerChangeKindEnum = builder.enumType('CustomerChangeKind', {
  description: 'What changed about a customer.',
  values: {
    CREATED: { description: 'The customer was created.' },
    UPDATED: { description: 'Fields of the customer changed (archiving included).' },
    DELETED: { description: 'The customer was deleted; `customer` is null from now on.' },
    STATE_CHANGED: { description: 'What the customer has changed: subscriptions, payment methods, balance, verification.' },
    ENTITLEMENTS_CHANGED: { description: "The customer's entitlements changed." },
  },
});

const CustomerChangeType = builder.objectRef<CustomerChangeMessage>('CustomerChange').implement({
  description: "A change to one customer at one provider, from the provider's webhook or a write through the gateway.",
  fields: (t) => ({
    kind: t.field({ type: CustomerChangeKindEnum, resolve: (change) => change.kind }),
    provider: t.field({ type: ProviderEnum, resolve: (change) => change.provider }),
    customerId: t.id({ description: 'Global ID of the customer that changed.', resolve: (change) => formatGlobalId({ provider: change.provider, id: change.customerId }) }),
    externalId: t.string({ nullable: true, resolve: (change) => change.externalId }),
    occurredAt: t.field({ type: 'DateTime', description: 'When the provider (or the gateway) made the change.', resolve: (change) => new Date(change.occurredAt) }),
    customer: t.field({
      type: CustomerType,
      nullable: true,
      description: 'The customer as it is now, read fresh through the loaders; null once deleted.',
      resolve: async (change, _args, context) => {
        if (change.kind === 'DELETED') return null;
        const key = { provider: change.provider, id: change.customerId };
        // One subscription keeps its context across events: forget what an earlier event loaded, and read within a
        // deadline of this event's own (the subscription's first one may have passed long ago).
        context.calls.renew();
        context.loaders.forget(key);
        const customer = await context.loaders.customer.load(key).catch(rethrow);
        return customer === null || customer.status === 'DELETED' ? null : customer;
      },
    }),
  }),
});

builder.subscriptionType({});

builder.subscriptionField('customerChanged', (t) =>
  t.field({
    type: CustomerChangeType,
    description:
      'Changes to a customer as they happen: by `externalId` (the person at every provider), by `id` (one customer), or both (both must match). Needs the `customers:read` scope.',
    args: {
      externalId: t.arg.string({ required: false }),
      id: t.arg.id({ required: false }),
    },
    subscribe: (_root, args, context) => {
      assertMayReadCustomers(context);
      if (args.externalId == null && args.id == null) {
        throw new GraphQLError('customerChanged needs externalId, id or both', { extensions: { code: 'BAD_USER_INPUT' } });
      }
      const key = args.id == null ? null : parseGlobalId(String(args.id), context.gateway.directory);
      return context.gateway.changes.subscribe({
        provider: key?.provider,
        customerId: key?.id,
        externalId: args.externalId ?? undefined,
      });
    },
    resolve: (change) => change,
  }),
);

/** The caller needs `customers:read`, as for queries (the front door has put the caller on the context). */
function assertMayReadCustomers(context: GraphContext): void {
  if (!context.caller.scopes.has('customers:read')) {
    throw new GraphQLError('customerChanged needs the customers:read scope', { extensions: { code: 'FORBIDDEN' } });
  }
}
