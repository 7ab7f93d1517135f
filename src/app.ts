import type { GraphQLSchema } from 'graphql';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { ProviderConfig } from './config';
import { cachedProvider, type OwnWriteListener } from './cache/cached-provider';
import { mutationsReadFresh, wantsFreshData } from './cache/cache-plugins';
import { ReadCache } from './cache/read-cache';
import { applyCustomerChange } from './changes/apply-change';
import { ChangeFeed } from './changes/change-feed';
import { createContext, type Gateway, type GraphContext } from './context';
import { maskError } from './graphql/errors';
import { graphiqlExamples } from './graphql/examples';
import { schema } from './graphql/schema';
import { Limiter } from './loaders/limiter';
import { consoleLogger, type Logger } from './logger';
import { createDispatcher, type HttpTimeouts } from './providers/http/dispatcher';
import type { HttpTransport } from './providers/http/http-client';
import type { RetryPolicy } from './providers/http/retry';
import { providerDefinitions } from './providers/registry';
import { webhookReceivers } from './providers/webhook-receivers';
import { IdentityIndex } from './routing/identity-index';
import { ProviderDirectory } from './routing/provider-directory';
import { createMemoryState } from './state/memory/memory-state';
import type { StateStore } from './state/state-port';
import { webhookRoutes } from './webhooks/webhook-endpoint';
import { createWriteLedger } from './writes/write-ledger';

export interface AppOptions {
  /** Every provider with its base URL and key resolved (sandbox URLs filled in by the caller). */
  providers: readonly (ProviderConfig & { baseUrl: string; apiKey: string })[];
  http: { timeouts: HttpTimeouts; retry: RetryPolicy };
  concurrency: number;
  logger?: Logger;
  /** Mount path of the GraphQL endpoint. @default '/graphql' */
  graphqlEndpoint?: string;
  /** Shared state (ledger, identity index, budgets); the caller closes it. @default this process's memory, closed with the app */
  state?: StateStore;
  /** Each provider's webhook secret; a provider without one gets 404 at `/webhooks/<provider>`. @default none */
  webhookSecrets?: Readonly<Record<string, string | null>>;
  /** Read cache TTL per provider in milliseconds; 0 or absent turns it off for that provider. @default off */
  cacheTtlMs?: Readonly<Record<string, number>>;
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
  const state = options.state ?? createMemoryState();
  const dispatcher = createDispatcher(options.http.timeouts);
  const transport: HttpTransport = { dispatcher, timeouts: options.http.timeouts, retry: options.http.retry };
  const upstream = new ProviderDirectory(
    options.providers.map((config) => {
      const definition = providerDefinitions.find((candidate) => candidate.name === config.name);
      if (definition === undefined) throw new Error(`unknown provider "${config.name}"`);
      return { provider: definition.create({ baseUrl: config.baseUrl, apiKey: config.apiKey }, transport), mode: config.mode, baseUrl: config.baseUrl };
    }),
  );
  const warnOnce = onceEvery(60_000, (error: unknown) => logger.warn(`read cache: ${(error as Error).message}; reads go to the providers`));
  const cache = new ReadCache(state.values, { ttlMs: options.cacheTtlMs ?? {}, onError: warnOnce });
  const changes = new ChangeFeed(state.pubsub, warnOnce);
  const announceWrite: OwnWriteListener = (change) =>
    changes.publish({
      kind: change.kind,
      provider: change.provider,
      customerId: change.customerId,
      externalId: change.customer?.externalId ?? null,
      occurredAt: new Date().toISOString(),
      origin: 'write',
    });
  const cachedDirectory = (mode: 'read' | 'refresh') =>
    new ProviderDirectory(upstream.list().map((entry) => ({ ...entry, provider: cachedProvider(entry.provider, cache, mode, announceWrite, warnOnce) })));
  const directory = cachedDirectory('read');
  const limiters = new Map(directory.names.map((name) => [name, new Limiter(options.concurrency)]));
  // The index walks whole lists at start-up: straight to the providers, not through the read cache.
  const identityIndex = new IdentityIndex(
    upstream.providers().filter((provider) => provider.capabilities.externalIdLookup === 'index'),
    logger,
  );
  const gateway: Gateway = {
    directory,
    identityIndex,
    limiter: (name) => limiters.get(name) ?? new Limiter(options.concurrency),
    writeLedger: createWriteLedger({ store: state.ledger }),
    state,
    freshDirectory: cachedDirectory('refresh'),
    changes,
  };
  const ready = Promise.all([identityIndex.start().catch(() => undefined), changes.start()]).then(() => undefined);
  const webhooks = webhookRoutes({
    secrets: options.webhookSecrets ?? {},
    receivers: webhookReceivers,
    seen: state.values,
    apply: (provider, change) =>
      applyCustomerChange({ identityIndex, cache, feed: changes, fetchCustomer: (name, id) => upstream.get(name).getCustomer(id) }, provider, change, 'webhook'),
    logger,
  });

  const yoga = createYoga<Record<string, unknown>, GraphContext>({
    schema,
    graphqlEndpoint: options.graphqlEndpoint ?? '/graphql',
    // Over WebSocket there is no request: a subscription lives as long as its socket.
    context: ({ request }: { request?: Request }) => createContext(gateway, request?.signal, { fresh: wantsFreshData(request?.headers) }),
    maskedErrors: { maskError },
    plugins: [webhooks, mutationsReadFresh(), partialErrorsPlugin()],
    // GraphiQL served from the package, not a CDN, so it works offline and behind strict networks.
    renderGraphiQL,
    graphiql: { title: 'customer-graph', defaultEditorToolsVisibility: 'variables', defaultQuery: graphiqlExamples },
    logging: false,
  });

  return {
    yoga,
    schema,
    gateway,
    ready,
    close: async () => {
      await changes.close();
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

/** Reports at most once per period, so a store that is down does not flood the log. */
function onceEvery(periodMs: number, report: (error: unknown) => void): (error: unknown) => void {
  let last = 0;
  return (error) => {
    const now = Date.now();
    if (now - last < periodMs) return;
    last = now;
    report(error);
  };
}
