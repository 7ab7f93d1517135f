import type { GraphQLSchema } from 'graphql';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { ProviderConfig } from './config';
import { createContext, type Gateway, type GraphContext } from './context';
import { frontDoorOptions, type FrontDoorOptions } from './front-door/options';
import { requestIdFor } from './front-door/request-id';
import { corsOptions } from './front-door/cors';
import { frontDoorPlugins } from './front-door/front-door';
import { maskError } from './graphql/errors';
import { CursorSigner } from './loaders/cursor-signer';
import { graphiqlExamples } from './graphql/examples';
import { schema } from './graphql/schema';
import { consoleLogger, type Logger } from './logger';
import { ConcurrencyCeiling } from './providers/http/concurrency-ceiling';
import { createDispatcher, type HttpPool, type HttpTimeouts } from './providers/http/dispatcher';
import type { HttpTransport } from './providers/http/http-client';
import type { RateBudget, RateLimit } from './providers/http/rate-budget';
import type { RetryPolicy } from './providers/http/retry';
import { TokenBucketBudget } from './providers/http/token-bucket';
import { providerDefinitions } from './providers/registry';
import { IdentityIndex } from './routing/identity-index';
import { ProviderDirectory } from './routing/provider-directory';
import { createMemoryState } from './state/memory/memory-state';
import type { StateStore } from './state/state-port';
import { createWriteLedger } from './writes/write-ledger';

export interface AppOptions {
  /** Every provider with its base URL and key resolved (sandbox URLs filled in by the caller). */
  providers: readonly (ProviderConfig & { baseUrl: string; apiKey: string })[];
  http: { timeouts: HttpTimeouts; retry: RetryPolicy; pool?: HttpPool };
  /** Most calls in flight to one provider (a safety net; rate budgets pace the calls). */
  concurrency: number;
  /** Each provider's rate budget; a provider not named is unlimited. */
  rateLimits?: Record<string, RateLimit>;
  /** @default 10000 */
  rateBudgetMaxWaitMs?: number;
  /** Replaces the in-memory budgets, e.g. with budgets shared by several instances. */
  rateBudget?: RateBudget;
  logger?: Logger;
  /** Mount path of the GraphQL endpoint. @default '/graphql' */
  graphqlEndpoint?: string;
  /** Shared state (ledger, identity index, budgets); the caller closes it. @default this process's memory, closed with the app */
  state?: StateStore;
  /** Limits, auth and browser rules; development defaults where not given. */
  frontDoor?: Partial<FrontDoorOptions>;
}

export interface App {
  yoga: YogaServerInstance<Record<string, unknown>, GraphContext>;
  schema: GraphQLSchema;
  gateway: Gateway;
  /** Settles when the identity index has read every provider that needs one (failures are logged, not thrown). */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** The only place that wires things: adapters on one dispatcher, the identity index, the schema, yoga. */
export function createApp(options: AppOptions): App {
  const logger = options.logger ?? consoleLogger;
  const frontDoor = frontDoorOptions(options.frontDoor);
  const state = options.state ?? createMemoryState();
  const dispatcher = createDispatcher(options.http.timeouts, options.http.pool);
  const budget = options.rateBudget ?? new TokenBucketBudget({ limits: options.rateLimits ?? {}, maxWaitMs: options.rateBudgetMaxWaitMs ?? 10_000 });
  const transport: HttpTransport = {
    dispatcher,
    timeouts: options.http.timeouts,
    retry: options.http.retry,
    budget,
    ceiling: new ConcurrencyCeiling(options.concurrency),
  };
  const directory = new ProviderDirectory(
    options.providers.map((config) => {
      const definition = providerDefinitions.find((candidate) => candidate.name === config.name);
      if (definition === undefined) throw new Error(`unknown provider "${config.name}"`);
      const provider = definition.create({ baseUrl: config.baseUrl, apiKey: config.apiKey }, transport);
      return { provider, mode: config.mode, baseUrl: frontDoor.production ? null : config.baseUrl };
    }),
  );
  const identityIndex = new IdentityIndex(
    directory.providers().filter((provider) => provider.capabilities.externalIdLookup === 'index'),
    logger,
  );
  const gateway: Gateway = {
    directory,
    identityIndex,
    writeLedger: createWriteLedger({ store: state.ledger }),
    state,
    cursors: new CursorSigner(frontDoor.cursorSecret),
  };
  const ready = identityIndex.start().catch(() => undefined);

  const graphqlEndpoint = options.graphqlEndpoint ?? '/graphql';
  const yoga = createYoga<Record<string, unknown>, GraphContext>({
    schema,
    graphqlEndpoint,
    context: ({ request }) => createContext(gateway, { signal: request.signal, requestId: requestIdFor(request), upstreamBudget: frontDoor.limits.upstreamCalls }),
    maskedErrors: { maskError },
    plugins: [...frontDoorPlugins(frontDoor, { graphqlEndpoint, budgets: state.budgets }), partialErrorsPlugin()],
    // GraphiQL served from the package, not a CDN, so it works offline and behind strict networks.
    renderGraphiQL,
    graphiql: frontDoor.graphiql ? { title: 'customer-graph', defaultEditorToolsVisibility: 'variables', defaultQuery: graphiqlExamples } : false,
    cors: corsOptions(frontDoor.corsOrigins),
    batching: false,
    logging: false,
  });

  return {
    yoga,
    schema,
    gateway,
    ready,
    close: async () => {
      await dispatcher.close();
      if (options.state === undefined) await state.close();
    },
  };
}

/** Appends errors that resolvers reported beside partial data (one provider failing among several). */
function partialErrorsPlugin(): Plugin<GraphContext> {
  return {
    onExecute: ({ args }) => ({
      onExecuteDone: ({ result, setResult }) => {
        const context = args.contextValue as GraphContext;
        if (context.partialErrors.length === 0 || Symbol.asyncIterator in result) return;
        setResult({ ...result, errors: [...(result.errors ?? []), ...context.partialErrors] });
      },
    }),
  };
}
