import { entitiesResolver } from '@apollo/subgraph/dist/types.js';
import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { badUserInput } from '../routing/bad-user-input';

/**
 * `_entities` as a router needs it: every representation settles on its own, so one malformed entry is `null`
 * plus an error at its index while the others resolve. Apollo's resolver maps the list and throws at the first
 * bad entry, leaving the earlier entries' loads orphaned (an unhandled rejection takes the process down).
 */
export function settleEntities(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()._entities;
  if (field === undefined) return;
  const entityTypes = new Set(schema.getPossibleTypes(schema.getType('_Entity') as never).map((type) => type.name));
  const resolve: GraphQLFieldResolver<unknown, unknown, { representations: unknown[] }> = (_source, { representations }, context, info) =>
    representations.map(async (reference, index) => {
      const typename = isRecord(reference) ? reference.__typename : undefined;
      if (typeof typename !== 'string' || !entityTypes.has(typename) || !isObjectType(schema.getType(typename))) {
        throw badUserInput(
          `Representation ${index} needs a "__typename" naming an entity of this graph (${[...entityTypes].join(', ')}).`,
          'INVALID_REFERENCE',
        );
      }
      const [entity] = entitiesResolver({ representations: [reference as { __typename: string }], context, info });
      return entity;
    });
  field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The federation plugin adds `_service` and `_entities` without descriptions; every root field gets one. */
export function describeFederationFields(schema: GraphQLSchema): void {
  const fields = schema.getQueryType()?.getFields();
  if (fields?._service !== undefined) fields._service.description = 'Apollo Federation: this subgraph\'s SDL, for a router composing the supergraph.';
  if (fields?._entities !== undefined) {
    fields._entities.description = 'Apollo Federation: entities for a router\'s representations, in order; a malformed or unknown one is null with an error at its index.';
  }
}
