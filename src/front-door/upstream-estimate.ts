import {
  getArgumentValues,
  getNamedType,
  getOperationAST,
  getVariableValues,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
  isCompositeType,
  isObjectType,
  isInterfaceType,
} from 'graphql';

/** What the estimate needs to know of the providers behind the gateway. */
export interface EstimateProviders {
  /** Each provider's name, largest list page and how many customers one by-id call fetches. */
  providers: readonly { name: string; maxPageSize: number; batchSize: number }[];
  /** Most calls one customer's `state` or `entitlements` can take at any provider (state + entitlements endpoints). */
  stateCalls: number;
  /** The page size each provider's part of a cursor was issued with, or null for a cursor that is not ours. */
  cursorPageSizes(cursor: string): Record<string, number> | null;
}

type Arguments = Record<string, unknown>;

interface FieldCost {
  /** Calls the field itself makes. */
  own: number;
  /** How many objects its selection is resolved for (a list's length). */
  items: number;
  /** Items in a connection page below this field. */
  pageItems?: number;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  providers: EstimateProviders;
  /** `providers { health }` is answered once per request, however often it is asked. */
  healthAsked: boolean;
}

/**
 * The most upstream calls an operation can cause, read from its selection and arguments before it runs: a by-id
 * read is one call, a `profile` one per provider, `state` one per customer, `first` multiplies what lies below a
 * connection, and every alias adds its own. An upper bound (retries aside): the loaders often do better.
 * Null when the variables do not fit the operation (execution refuses it anyway).
 */
export function estimateUpstreamCalls(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variableValues: Record<string, unknown> | null | undefined,
  providers: EstimateProviders,
): number | null {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (operation == null) return null;
  const root = schema.getRootType(operation.operation);
  if (root === undefined || root === null) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variableValues ?? {});
  if (coerced.errors !== undefined) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const walk: Walk = { schema, fragments, variables: coerced.coerced, providers, healthAsked: false };
  const calls = selectionCost(walk, root, operation.selectionSet, 0);
  return calls + (walk.healthAsked ? providers.providers.length : 0);
}

/** Calls made for one object of `type` with this selection. */
function selectionCost(walk: Walk, type: GraphQLCompositeType, selectionSet: SelectionSetNode, pageItems: number): number {
  let total = 0;
  let stateCounted = false;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT || selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : walk.fragments.get(selection.name.value);
      if (fragment === undefined) continue;
      const condition = fragment.typeCondition === undefined ? type : walk.schema.getType(fragment.typeCondition.name.value);
      if (condition !== undefined && isCompositeType(condition)) total += selectionCost(walk, condition, fragment.selectionSet, pageItems);
      continue;
    }
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    const field = type.getFields()[selection.name.value];
    if (field === undefined) continue;
    let args: Arguments = {};
    try {
      args = getArgumentValues(field as GraphQLField<unknown, unknown>, selection, walk.variables);
    } catch {
      // Arguments that do not coerce fail validation or execution; they cost nothing here.
    }
    const key = `${type.name}.${field.name}`;
    if (key === 'Customer.state' || key === 'Customer.entitlements') {
      // Both read through the same per-customer loaders: one customer's state costs once, however often it is asked.
      if (!stateCounted) total += walk.providers.stateCalls;
      stateCounted = true;
    }
    if (key === 'ProviderInfo.health') walk.healthAsked = true;
    const cost = fieldCost(key, args, walk.providers, pageItems);
    const named = getNamedType(field.type);
    const below = selection.selectionSet !== undefined && isCompositeType(named) ? selectionCost(walk, named, selection.selectionSet, cost.pageItems ?? 0) : 0;
    total += cost.own + cost.items * below;
  }
  return total;
}

function fieldCost(key: string, args: Arguments, providers: EstimateProviders, pageItems: number): FieldCost {
  const providerCount = providers.providers.length;
  const count = (value: unknown) => (Array.isArray(value) ? value.length : 0);
  switch (key) {
    case 'Query.customer':
    case 'Query.node':
    case 'Query.customerByExternalId':
      return { own: 1, items: 1 };
    case 'Query.nodes':
    case 'Query.customersByIds':
      return { own: byIdCalls(args.ids, providers), items: count(args.ids) };
    case 'Query.customersByExternalIds':
      // Each external ID is asked of every provider (the first holder wins).
      return { own: providerCount * count(args.externalIds), items: count(args.externalIds) };
    case 'Query._entities': {
      const representations = Array.isArray(args.representations) ? args.representations : [];
      const own = representations.reduce((sum: number, reference) => sum + (referenceNamesOneProvider(reference) ? 1 : providerCount), 0);
      return { own, items: representations.length };
    }
    case 'Query.profile':
    case 'Customer.profile':
      return { own: providerCount, items: 1 };
    case 'CustomerProfile.customers':
      return { own: 0, items: providerCount };
    case 'CustomerProfile.entitlements':
      return { own: providerCount * providers.stateCalls, items: 1 };
    case 'Query.customers':
      return listCost(args, providers);
    case 'CustomerConnection.edges':
    case 'CustomerConnection.nodes':
      return { own: 0, items: pageItems };
    case 'Query.checkEntitlement':
      // By customer id: the check itself (and a state read where the check is derived). By external ID: a lookup
      // and a check at each provider asked, in turn.
      if (args.customerId != null) return { own: 2, items: 1 };
      return { own: 2 * (args.provider != null ? 1 : providerCount), items: 1 };
    case 'Query.providers':
      return { own: 0, items: providerCount };
    default:
      if (key.startsWith('Mutation.')) return mutationCost(key, args, providerCount);
      if (key.endsWith('Payload.customers') || key.endsWith('Payload.outcomes')) return { own: 0, items: providerCount };
      return { own: 0, items: 1 };
  }
}

/** Pages each provider may need: a page holds `pageSize` items and a cursor may start inside one. */
function listCost(args: Arguments, providers: EstimateProviders): FieldCost {
  const first = typeof args.first === 'number' ? args.first : 20;
  if (first <= 0) return { own: 0, items: 1, pageItems: 0 };
  const asked = typeof args.provider === 'string' ? providers.providers.filter((provider) => provider.name === args.provider) : providers.providers;
  const saved = typeof args.after === 'string' ? providers.cursorPageSizes(args.after) : null;
  let pages = 0;
  for (const provider of asked) {
    const pageSize = saved?.[provider.name] ?? Math.max(1, Math.min(first, provider.maxPageSize));
    pages += Math.ceil(first / pageSize) + 1;
  }
  return { own: pages, items: 1, pageItems: first };
}

/**
 * A write: create is the call and an identity check; by id or at one named provider, a read for the merge and
 * the write; by external ID alone, a lookup at every provider and a read and write at each that holds the person.
 */
function mutationCost(key: string, args: Arguments, providerCount: number): FieldCost {
  if (key === 'Mutation.createCustomer') return { own: 2, items: 1 };
  const input = (args.input ?? {}) as Arguments;
  const fanOut = input.id == null && input.provider == null;
  return { own: fanOut ? providerCount + 3 * providerCount : 4, items: 1 };
}

/**
 * By-id reads batch per provider: a provider with a many-ids endpoint takes `batchSize` ids a call. An id without
 * a known prefix is counted as one call (a bare Omise id), a malformed one costs nothing but is counted anyway.
 */
function byIdCalls(ids: unknown, providers: EstimateProviders): number {
  if (!Array.isArray(ids)) return 0;
  const perProvider = new Map<string, number>();
  let unprefixed = 0;
  for (const id of ids) {
    const prefix = typeof id === 'string' ? id.slice(0, Math.max(0, id.indexOf(':'))) : '';
    if (providers.providers.some((provider) => provider.name === prefix)) perProvider.set(prefix, (perProvider.get(prefix) ?? 0) + 1);
    else unprefixed++;
  }
  let calls = unprefixed;
  for (const provider of providers.providers) calls += Math.ceil((perProvider.get(provider.name) ?? 0) / provider.batchSize);
  return calls;
}

function referenceNamesOneProvider(reference: unknown): boolean {
  if (typeof reference !== 'object' || reference === null) return true;
  const fields = reference as Record<string, unknown>;
  return typeof fields.id === 'string' || fields.provider != null;
}
