import { stitchingDirectives } from '@graphql-tools/stitching-directives';
import { parse, print, printSchema, visit, type FieldDefinitionNode, type GraphQLSchema, type ObjectTypeDefinitionNode } from 'graphql';
import { firstHolder } from '../loaders/holders';
import { badUserInput } from '../routing/bad-user-input';
import { parseGlobalId } from '../routing/global-id';
import { checkIdentifier } from '../routing/identifier-rules';
import { builder } from './builder';
import { CustomerType } from './customer';

const MAX_KEYS = 500;

/** Merge-ready root fields: a stitching gateway resolves many customers in one call by id or by external ID. */
builder.queryFields((t) => ({
  customersByIds: t.field({
    type: [CustomerType],
    nullable: { list: false, items: true },
    description: 'Customers for global IDs, in order; null (with an error) for an unknown or malformed one. For schema stitching.',
    args: { ids: t.arg.idList({ required: true }) },
    resolve: (_root, { ids }, context) => {
      if (ids.length > MAX_KEYS) throw badUserInput(`At most ${MAX_KEYS} ids at once.`);
      // Each entry settles on its own: a malformed id is that entry's error, never an orphaned load elsewhere.
      return ids.map(async (id) => context.loaders.customer.load(parseGlobalId(String(id), context.gateway.directory)));
    },
  }),
  customersByExternalIds: t.field({
    type: [CustomerType],
    nullable: { list: false, items: true },
    description: 'For each external ID, the first provider (in provider order) holding the person; null when none. For schema stitching.',
    args: { externalIds: t.arg.stringList({ required: true }) },
    resolve: (_root, { externalIds }, context) => {
      if (externalIds.length > MAX_KEYS) throw badUserInput(`At most ${MAX_KEYS} external IDs at once.`);
      return externalIds.map(async (externalId) => firstHolder(checkIdentifier(externalId, 'externalIds'), context.environment, context.loaders));
    },
  }),
  _sdl: t.string({
    description: 'The schema with its schema-stitching directives, for a stitching gateway to configure itself.',
    resolve: () => stitchingSdl(),
  }),
}));

let cached: string | null = null;
let source: GraphQLSchema | null = null;

/** Registers the schema the stitching SDL is printed from (the public, sorted schema). */
export function useStitchingSource(schema: GraphQLSchema): void {
  source = schema;
  cached = null;
}

/**
 * The public schema annotated for `@graphql-tools/stitching-directives`: `Customer` is canonical and keyed by
 * `id`; `customersByIds` merges by `id` and `customersByExternalIds` by `externalId`.
 */
export function stitchingSdl(): string {
  if (cached !== null) return cached;
  if (source === null) throw new Error('stitching SDL requested before the schema was built');
  const { allStitchingDirectivesTypeDefs } = stitchingDirectives();
  const directive = (name: string, args: Record<string, string> = {}) => ({
    kind: 'Directive',
    name: { kind: 'Name', value: name },
    arguments: Object.entries(args).map(([argument, value]) => ({
      kind: 'Argument',
      name: { kind: 'Name', value: argument },
      value: { kind: 'StringValue', value },
    })),
  });
  const annotated = visit(parse(printSchema(source)), {
    ObjectTypeDefinition(node: ObjectTypeDefinitionNode) {
      if (node.name.value === 'Customer') {
        return { ...node, directives: [...(node.directives ?? []), directive('canonical'), directive('key', { selectionSet: '{ id }' })] };
      }
      if (node.name.value !== 'Query') return undefined;
      return {
        ...node,
        fields: node.fields?.map((field: FieldDefinitionNode) => {
          if (field.name.value === 'customersByIds') return { ...field, directives: [directive('merge', { keyField: 'id', keyArg: 'ids' })] };
          if (field.name.value === 'customersByExternalIds') return { ...field, directives: [directive('merge', { keyField: 'externalId', keyArg: 'externalIds' })] };
          return field;
        }),
      };
    },
  } as never);
  cached = `${allStitchingDirectivesTypeDefs.trim()}\n\n${print(annotated)}\n`;
  return cached;
}
