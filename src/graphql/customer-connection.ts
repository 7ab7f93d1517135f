import { badUserInput } from '../routing/bad-user-input';
import { listCustomers, type ListEdge, type ListResult } from '../loaders/customer-list';
import { builder } from './builder';
import { CustomerType } from './customer';
import { reportPartialError } from './errors';
import { ProviderEnum } from './provider-enum';

const MAX_PAGE = 100;

const CustomerFilterInput = builder.inputType('CustomerFilter', {
  description: 'Applied by each provider natively. A filter a provider cannot apply is an error naming both, never ignored.',
  fields: (t) => ({
    email: t.field({ type: 'EmailAddress', description: 'Exact email.' }),
    createdAfter: t.field({ type: 'DateTime', description: 'Created at or after (inclusive).' }),
    createdBefore: t.field({ type: 'DateTime', description: 'Created strictly before (exclusive).' }),
    search: t.string({ description: "Free text, matched the way the provider's own search matches it." }),
  }),
});

const PageInfoType = builder.objectRef<{ hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null }>('PageInfo').implement({
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage'),
    hasPreviousPage: t.exposeBoolean('hasPreviousPage', { description: 'True when this page was asked for with `after`.' }),
    startCursor: t.exposeString('startCursor', { nullable: true }),
    endCursor: t.exposeString('endCursor', { nullable: true }),
  }),
});

const CustomerEdgeType = builder.objectRef<ListEdge>('CustomerEdge').implement({
  fields: (t) => ({
    cursor: t.string({ resolve: (edge) => edge.cursor }),
    node: t.field({ type: CustomerType, resolve: (edge) => edge.node }),
  }),
});

const CustomerConnectionType = builder.objectRef<ListResult>('CustomerConnection').implement({
  fields: (t) => ({
    edges: t.field({ type: [CustomerEdgeType], resolve: (result) => result.edges }),
    nodes: t.field({ type: [CustomerType], resolve: (result) => result.edges.map((edge) => edge.node) }),
    pageInfo: t.field({
      type: PageInfoType,
      // Cursors are encoded only if `startCursor` or `endCursor` is selected.
      resolve: (result) => ({
        hasNextPage: result.hasNextPage,
        hasPreviousPage: result.hasPreviousPage,
        get startCursor() {
          return result.edges[0]?.cursor ?? null;
        },
        get endCursor() {
          return result.edges[result.edges.length - 1]?.cursor ?? null;
        },
      }),
    }),
    totalCount: t.int({
      nullable: true,
      description: 'Customers matching, when every provider asked reports a total; null otherwise.',
      resolve: (result) => result.totalCount,
    }),
  }),
});

builder.queryFields((t) => ({
  customers: t.field({
    type: CustomerConnectionType,
    description:
      'Customers newest first. With `provider`, that provider through its own pagination; without, all providers merged under one cursor. A provider that fails is reported in `errors` and its customers resume on the next page.',
    args: {
      provider: t.arg({ type: ProviderEnum }),
      first: t.arg.int({ defaultValue: 20, description: `Page size, 0 to ${MAX_PAGE}.` }),
      after: t.arg.string(),
      filter: t.arg({ type: CustomerFilterInput }),
    },
    resolve: async (_root, args, context, info) => {
      const first = args.first ?? 20;
      if (first < 0 || first > MAX_PAGE) throw badUserInput(`first must be from 0 to ${MAX_PAGE}.`);
      const directory = context.gateway.directory;
      const providers = args.provider != null ? [directory.get(args.provider)] : directory.providers();
      const result = await listCustomers(
        {
          providers,
          first,
          after: args.after ?? null,
          filter: {
            email: args.filter?.email ?? null,
            createdAfter: args.filter?.createdAfter ?? null,
            createdBefore: args.filter?.createdBefore ?? null,
            search: args.filter?.search ?? null,
          },
        },
        context.environment,
        context.loaders,
      );
      // One provider alone failing is the whole answer; among several, the others' customers still count.
      if (providers.length === 1 && result.failures[0] !== undefined) throw result.failures[0];
      for (const failure of result.failures) reportPartialError(context, info, failure);
      return result;
    },
  }),
}));
