import { GraphQLError } from 'graphql';
import type { GraphContext } from '../context';
import { checkEntitlementAt, customerNotFound } from '../loaders/entitlement-checks';
import type { CustomerProvider, EntitlementCheckRequest } from '../providers/spec/provider';
import { badUserInput } from '../routing/bad-user-input';
import { parseGlobalId } from '../routing/global-id';
import { entitlementCheckOf } from '../routing/capabilities';
import { checkIdentifier } from '../routing/identifier-rules';
import { builder } from './builder';
import { EntitlementCheckType } from './entitlement';
import { ProviderEnum } from './provider-enum';

builder.queryFields((t) => ({
  checkEntitlement: t.field({
    type: EntitlementCheckType,
    description:
      'Can this customer use this feature (for this much, or these values)? Give `customerId`, or `externalId` (with `provider`, or the first provider with entitlements that holds the person: those with a check endpoint first).',
    args: {
      customerId: t.arg.id(),
      externalId: t.arg.string(),
      provider: t.arg({ type: ProviderEnum }),
      featureId: t.arg.string({ required: true }),
      requestedUsage: t.arg.float(),
      requestedValues: t.arg.stringList(),
    },
    resolve: async (_root, args, context) => {
      const request: EntitlementCheckRequest = { featureId: args.featureId, requestedUsage: args.requestedUsage, requestedValues: args.requestedValues };
      if ((args.customerId == null) === (args.externalId == null)) throw badInput('Give exactly one of customerId and externalId.');
      if (args.featureId.trim() === '') throw badInput('featureId must not be empty.');
      if (args.requestedUsage != null && !(args.requestedUsage >= 0)) throw badInput('requestedUsage must be zero or more.');
      const directory = context.gateway.directory;
      if (args.customerId != null) {
        const key = parseGlobalId(String(args.customerId), directory);
        return checkEntitlementAt(directory.get(key.provider), key.id, request, context.environment, context.loaders);
      }
      const externalId = checkIdentifier(args.externalId as string, 'externalId');
      const candidates = (args.provider != null ? [directory.get(args.provider)] : directory.providers())
        .filter((provider) => args.provider != null || entitlementCheckOf(provider) !== 'none')
        .sort((a, b) => rank(a) - rank(b));
      for (const provider of candidates) {
        const id = await nativeIdFor(provider, externalId, context);
        if (id === null) continue;
        const result = await checkEntitlementAt(provider, id, request, context.environment, context.loaders);
        // Without a provider named, a provider that does not know the person passes the question on.
        if (args.provider == null && result.denialReason === 'CustomerNotFound') continue;
        return result;
      }
      if (args.provider != null) return customerNotFound(args.provider, request);
      throw new GraphQLError(`No provider with entitlements holds external ID "${externalId}".`, { extensions: { code: 'NOT_FOUND' } });
    },
  }),
}));

function rank(provider: CustomerProvider): number {
  return provider.entitlements?.check === undefined ? 1 : 0;
}

/** The native id of the person at this provider; a customer-id provider needs no lookup (its check says "not found"). */
async function nativeIdFor(provider: CustomerProvider, externalId: string, context: GraphContext): Promise<string | null> {
  if (provider.customers.byExternalId.kind === 'customer-id') return externalId;
  const customer = await context.loaders.customerByExternalId.load({ provider: provider.name, externalId });
  return customer?.providerId ?? null;
}

const badInput = (message: string) => badUserInput(message);
