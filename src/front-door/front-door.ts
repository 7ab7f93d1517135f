import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { Plugin } from 'graphql-yoga';
import type { GraphContext } from '../context';
import type { BudgetStore } from '../state/state-port';
import { authenticationPlugin, CallerRegistry } from './authentication';
import { authorizationPlugin } from './authorization';
import { jwtPlugin } from './jwt';
import { noIntrospectionPlugin } from './introspection';
import { operationLimitsPlugin } from './operation-limits';
import type { FrontDoorOptions } from './options';
import { trustedDocumentsPlugin } from './trusted-documents';
import { upstreamBudgetPlugin } from './upstream-budget-plugin';

/**
 * The plugins that decide before any resolver runs (the body limit goes first of all, see `bodyLimitPlugin`),
 * in the order a request meets them: who is
 * calling (API key, JWT, rate), CSRF, trusted documents, graphql-armor limits, introspection, scopes, then the
 * upstream-call budget. The calls actually made are counted through the request's signal (`request-scope.ts`).
 */
export function frontDoorPlugins(options: FrontDoorOptions, context: { graphqlEndpoint: string; budgets: BudgetStore }): Plugin<GraphContext>[] {
  const callers = new CallerRegistry();
  const plugins: Plugin<GraphContext>[] = [
    authenticationPlugin(options.auth, callers, context.graphqlEndpoint, context.budgets) as Plugin<GraphContext>,
  ];
  if (options.auth.mode === 'required' && options.auth.jwt !== null) plugins.push(jwtPlugin(options.auth.jwt, callers) as Plugin<GraphContext>);
  // Simple cross-site requests (form-encoded, multipart, text/plain, or GET) need a header only a preflighted request can carry.
  plugins.push(useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }) as Plugin<GraphContext>);
  if (options.trustedDocuments !== null) plugins.push(trustedDocumentsPlugin(options.trustedDocuments) as Plugin<GraphContext>);
  plugins.push(operationLimitsPlugin(options.limits, { blockSuggestions: options.production && !options.introspection }) as Plugin<GraphContext>);
  if (!options.introspection) plugins.push(noIntrospectionPlugin() as Plugin<GraphContext>);
  plugins.push(authorizationPlugin({ production: options.production, auth: options.auth, callers }));
  plugins.push(upstreamBudgetPlugin(options.limits.upstreamCalls));
  return plugins;
}
