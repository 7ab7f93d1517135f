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
  return {
    onExecute: ({ args, setResultAndStopExecution }) => {
      const context = args.contextValue as GraphContext;
      const estimate = estimateUpstreamCalls(args.schema, args.document, args.operationName, args.variableValues, estimateProviders(context.gateway));
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
