import type { DocumentNode, ExecutionArgs } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { refusal } from '../graphql/errors';
import type { GraphContext } from '../context';
import type { Gateway } from '../gateway';
import { cursorPageSizes } from '../loaders/list-cursor';
import { estimateUpstreamCalls, type EstimateProviders } from './upstream-estimate';

/**
 * Refuses, before anything runs, an operation whose estimated upstream calls exceed the budget. What still
 * gets through is held to the same budget by the request's counter of actual calls (see `UpstreamCalls`).
 */
export function upstreamBudgetPlugin(budget: number): Plugin<GraphContext> {
  // yoga's parser cache hands every request with the same text the same document, so an estimate, a pure function
  // of the document, the operation and the variables, is walked once per variables and kept with its document.
  const estimates = new WeakMap<DocumentNode, Map<string, number | null>>();
  const estimateOf = (args: ExecutionArgs, providers: EstimateProviders): number | null => {
    let known = estimates.get(args.document);
    if (known === undefined) {
      known = new Map();
      estimates.set(args.document, known);
    }
    const key = `${args.operationName ?? ''}\n${JSON.stringify(args.variableValues ?? {})}`;
    if (known.has(key)) return known.get(key) as number | null;
    const calls = estimateUpstreamCalls(args.schema, args.document, args.operationName, args.variableValues, providers);
    // Bounded per document: a query sent with ever new variables (ids, cursors) keeps only its latest few.
    if (known.size >= MAX_ESTIMATES_PER_DOCUMENT) known.clear();
    known.set(key, calls);
    return calls;
  };
  return {
    onExecute: ({ args, setResultAndStopExecution }) => {
      const context = args.contextValue as GraphContext;
      const estimate = estimateOf(args, estimateProviders(context.gateway));
      if (estimate === null || estimate <= budget) return;
      setResultAndStopExecution({
        errors: [
          refusal(
            `This operation could cause up to ${estimate} upstream calls; the limit is ${budget}. Ask for fewer items (first, ids), fewer nested lookups (state, entitlements, profile) or fewer aliases, or split it.`,
            { code: 'BAD_USER_INPUT', reason: 'UPSTREAM_BUDGET_EXCEEDED', estimate, limit: budget },
          ),
        ],
      });
    },
  };
}

const MAX_ESTIMATES_PER_DOCUMENT = 64;

const cache = new WeakMap<Gateway, EstimateProviders>();

function estimateProviders(gateway: Gateway): EstimateProviders {
  let known = cache.get(gateway);
  if (known === undefined) {
    const providers = gateway.directory.providers();
    known = {
      providers: providers.map((provider) => ({
        name: provider.name,
        maxPageSize: provider.limits.maxPageSize,
        batchSize: Math.max(1, provider.customers.batch?.maxIds ?? 1),
      })),
      stateCalls: Math.max(0, ...providers.map((provider) => (provider.state === undefined ? 0 : 1) + (provider.entitlements === undefined ? 0 : 1))),
      cursorPageSizes: (cursor) => cursorPageSizes(cursor, gateway.cursors),
    };
    cache.set(gateway, known);
  }
  return known;
}
