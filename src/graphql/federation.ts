import { GraphQLError } from 'graphql';
import type { GraphContext } from '../context';
import type { Customer } from '../providers/spec/provider';
import { firstHolder } from '../loaders/holders';
import { badUserInput } from '../routing/bad-user-input';
import { parseGlobalId } from '../routing/global-id';
import { checkIdentifier } from '../routing/identifier-rules';
import { builder } from './builder';
import { CustomerType } from './customer';

type CustomerReference = { id: string } | { externalId: string; provider: string } | { externalId: string };

/**
 * `Customer` as an Apollo Federation v2 entity, keyed by its global ID, by external ID with provider, and by
 * external ID alone (the first provider holding the person). References resolve through the request's loaders,
 * so `_entities` batches exactly like `nodes`.
 */
builder.asEntity(CustomerType, {
  key: [
    builder.selection<{ id: string }>('id'),
    builder.selection<{ externalId: string; provider: string }>('externalId provider'),
    builder.selection<{ externalId: string }>('externalId'),
  ],
  resolveReference: async (reference: CustomerReference, context) => {
    const customer = await resolve(reference, context);
    // A router asked for this entity by reference: saying "no such customer" beats a silent null.
    if (customer === null) throw new GraphQLError(`No customer matches ${JSON.stringify(reference)}.`, { extensions: { code: 'NOT_FOUND' } });
    return customer;
  },
});

async function resolve(reference: CustomerReference, context: GraphContext): Promise<Customer | null> {
  if ('id' in reference && typeof reference.id === 'string') {
    return context.loaders.customer.load(parseGlobalId(reference.id, context.gateway.directory));
  }
  if ('externalId' in reference && typeof reference.externalId === 'string' && reference.externalId !== '') {
    const externalId = checkIdentifier(reference.externalId, 'externalId');
    if ('provider' in reference && reference.provider != null) {
      const provider = String(reference.provider).toLowerCase();
      if (typeof reference.provider !== 'string' || context.gateway.directory.find(provider) === undefined) {
        throw badUserInput(`Unknown provider ${JSON.stringify(reference.provider).slice(0, 40)} in Customer reference.`, 'INVALID_REFERENCE');
      }
      return context.loaders.customerByExternalId.load({ provider, externalId });
    }
    return firstHolder(externalId, context.environment, context.loaders);
  }
  throw badUserInput('A Customer reference needs an "id", or an "externalId" (with or without "provider").', 'INVALID_REFERENCE');
}
