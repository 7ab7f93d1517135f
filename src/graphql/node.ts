import type { Customer } from '../providers/spec/provider';
import { badUserInput } from '../routing/bad-user-input';
import { parseGlobalId } from '../routing/global-id';
import { builder } from './builder';

/** The most ids one `nodes` call takes; a larger batch is the caller's to split. */
const MAX_NODES = 500;

/** Relay's Node: every customer is one, addressed by its global ID `<provider>:<native id>`. */
export const NodeInterface = builder.interfaceRef<Customer>('Node').implement({
  resolveType: () => 'Customer',
  fields: (t) => ({
    id: t.id({ resolve: (customer) => `${customer.provider}:${customer.providerId}` }),
  }),
});

builder.queryFields((t) => ({
  node: t.field({
    type: NodeInterface,
    nullable: true,
    description: 'Any object by global ID (Relay); today every node is a Customer. Null when nobody is there.',
    args: { id: t.arg.id({ required: true, description: 'Global ID "<provider>:<native id>".' }) },
    resolve: (_root, { id }, context) => context.loaders.customer.load(parseGlobalId(String(id), context.gateway.directory)),
  }),
  nodes: t.field({
    type: [NodeInterface],
    nullable: { list: false, items: true },
    description: 'Many nodes at once, in the order asked; an unknown or malformed ID gives null and an error for that entry.',
    args: { ids: t.arg.idList({ required: true }) },
    resolve: (_root, { ids }, context) => {
      if (ids.length > MAX_NODES) throw badUserInput(`At most ${MAX_NODES} ids at once.`);
      return ids.map(async (id) => context.loaders.customer.load(parseGlobalId(String(id), context.gateway.directory)));
    },
  }),
}));
