import { createHash, randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { ProviderConfig } from './config';
import { cachedProvider, type OwnWriteListener } from './cache/cached-provider';
import { mutationsReadFresh, wantsFreshData } from './cache/cache-plugins';
import { ReadCache } from './cache/read-cache';
import { applyCustomerChange } from './changes/apply-change';
import { ChangeFeed } from './changes/change-feed';
import { createContext, type GraphContext } from './context';
import type { Gateway } from './gateway';
import { frontDoorOptions, type FrontDoorOptions } from './front-door/options';
import { bodyLimitPlugin } from './front-door/body-limit';
import { corsOptions } from './front-door/cors';
import { frontDoorPlugins } from './front-door/front-door';
import { maskError } from './graphql/errors';
import { CursorSigner } from './loaders/cursor-signer';
import { graphiqlTabs } from './graphql/examples';
import { schema } from './graphql/schema';
import { createLifecycle, type Lifecycle } from './lifecycle';
import { silentLogger } from './logger';
import { type AppLogger } from './observability/logger';
import { createMetrics, type BreakerStatus, type GatewayMetrics } from './observability/metrics';
import { ReadinessProbes } from './observability/readiness';
import { createRequestTelemetry, pathOf } from './observability/request-telemetry';
import { createUpstreamTelemetry } from './observability/upstream-telemetry';
import { ConcurrencyCeiling } from './providers/kit/concurrency-ceiling';
import { createDispatcher, type HttpPool, type HttpTimeouts } from './providers/kit/dispatcher';
import type { HttpTransport } from './providers/kit/http-client';
import type { RateBudget, RateLimit } from './providers/kit/rate-budget';
import type { RetryPolicy } from './providers/kit/retry';
import { SharedRateBudget } from './providers/kit/shared-rate-budget';
import { TokenBucketBudget } from './providers/kit/token-bucket';
import { providerDefinitions, webhookReceivers } from './registry';
import { createResilience, defaultFaultSettings, type FaultSettings } from './providers/kit/fault-settings';
import { IdentityIndex } from './routing/identity-index';
import { ProviderDirectory } from './routing/provider-directory';
import { createMemoryState } from './state/memory/memory-state';
import type { StateStore } from './state/state-port';
import { webhookRoutes } from './webhooks/webhook-endpoint';
import { createWriteLedger } from './writes/write-ledger';

export interface AppOptions {
  /** Every provider with its base URL and key resolved (sandbox URLs filled in by the caller). */
  providers: readonly (ProviderConfig & { baseUrl: string; apiKey: string })[];
  http: { timeouts: HttpTimeouts; retry: RetryPolicy; pool?: HttpPool; faults?: FaultSettings };
  /** Most calls in flight to one provider (a safety net; rate budgets pace the calls). */
  concurrency: number;
  /** Each provider's rate budget; a provider not named is unlimited. */
  rateLimits?: Record<string, RateLimit>;
  /** @default 10000 */
  rateBudgetMaxWaitMs?: number;
  /** Replaces the in-memory budgets, e.g. with budgets shared by several instances. */
  rateBudget?: RateBudget;
  /** Structured logs (pino). @default a silent logger */
  logger?: AppLogger;
  /** Mount path of the GraphQL endpoint. @default '/graphql' */
  graphqlEndpoint?: string;
  /**
   * Prometheus metrics: `endpoint` is where this app serves them (`false` when another server does, e.g. on
   * `METRICS_PORT`); `false` turns metrics off altogether (benchmarks compare). @default { endpoint: '/metrics' }
   */
  metrics?: { endpoint: string | false } | false;
  /** Shared state (ledger, identity index, budgets); the caller closes it. @default this process's memory, closed with the app */
  state?: StateStore;
  /** Limits, auth and browser rules; development defaults where not given. */
  frontDoor?: Partial<FrontDoorOptions>;
  /** Each provider's webhook secret; a provider without one gets 404 at `/webhooks/<provider>`. @default none */
  webhookSecrets?: Readonly<Record<string, string | null>>;
  /** Read cache TTL per provider in milliseconds; 0 or absent turns it off for that provider. @default off */
  cacheTtlMs?: Readonly<Record<string, number>>;
}

export interface App {
  yoga: YogaServerInstance<Record<string, unknown>, GraphContext>;
  schema: GraphQLSchema;
  gateway: Gateway;
  /** Every upstream attempt's rate budget (the in-memory one, or the one shared through the state store). */
  rateBudget: RateBudget;
  /** Settles when the identity index has read every provider that needs one (failures are logged, not thrown). */
  ready: Promise<void>;
  logger: AppLogger;
  /** Null when metrics are off. */
  metrics: GatewayMetrics | null;
  /** What `/readiness` asks; other parts register their probes here. */
  readiness: ReadinessProbes;
  /** Draining and the app-wide shutdown signal that every request's signal includes. */
  lifecycle: Lifecycle;
  close(): Promise<void>;
}

/** The only place that wires things: adapters on one dispatcher, the identity index, the schema, yoga. */
export function createApp(options: AppOptions): App {
  const logger = options.logger ?? silentLogger;
  const frontDoor = frontDoorOptions(options.frontDoor);
  const state = options.state ?? createMemoryState();
  const graphqlEndpoint = options.graphqlEndpoint ?? '/graphql';
  const lifecycle = createLifecycle();
  let indexStatus: () => ReturnType<IdentityIndex['status']> = async () => [];
  let breakerStatus: () => BreakerStatus[] = () => [];
  const metrics = options.metrics === false ? null : createMetrics(() => indexStatus(), () => breakerStatus());
  const dispatcher = createDispatcher(options.http.timeouts, options.http.pool);
  const localBudget = new TokenBucketBudget({ limits: options.rateLimits ?? {}, maxWaitMs: options.rateBudgetMaxWaitMs ?? 10_000 });
  // Several instances share one bucket per provider through the state store, so together they stay under its limit.
  const budget =
    options.rateBudget ??
    (state.shared
      ? new SharedRateBudget({ store: state.budgets, limits: options.rateLimits ?? {}, maxWaitMs: options.rateBudgetMaxWaitMs ?? 10_000, local: localBudget, logger })
      : localBudget);
  const faults = options.http.faults ?? defaultFaultSettings;
  const resilience = createResilience(faults, options.http.retry);
  breakerStatus = () => options.providers.map((config) => ({ provider: config.name, state: resilience.for(config.name).health().state }));
  const transport: HttpTransport = {
    dispatcher,
    timeouts: options.http.timeouts,
    retry: options.http.retry,
    observer: createUpstreamTelemetry(logger, metrics),
    budget,
    ceiling: new ConcurrencyCeiling(options.concurrency),
    resilience,
  };
  const upstream = new ProviderDirectory(
    options.providers.map((config) => {
      const definition = providerDefinitions.find((candidate) => candidate.name === config.name);
      if (definition === undefined) throw new Error(`unknown provider "${config.name}"`);
      const provider = definition.create({ baseUrl: config.baseUrl, apiKey: config.apiKey }, transport);
      return { provider, mode: config.mode, baseUrl: frontDoor.production ? null : config.baseUrl };
    }),
  );
  const warnOnce = onceEvery(60_000, (error: unknown) => logger.warn(`read cache: ${(error as Error).message}; reads go to the providers`));
  const cache = new ReadCache(state.values, {
    ttlMs: options.cacheTtlMs ?? {},
    onError: warnOnce,
    onLookup:
      metrics === null
        ? undefined
        : ({ provider, kind, hits, misses }) => {
            if (hits > 0) metrics.cacheLookups.inc({ provider, kind, result: 'hit' }, hits);
            if (misses > 0) metrics.cacheLookups.inc({ provider, kind, result: 'miss' }, misses);
          },
  });
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
  // The index walks whole lists: straight to the providers, not through the read cache.
  const identityIndex = new IdentityIndex(
    upstream.providers().filter((provider) => provider.customers.byExternalId.kind === 'index'),
    logger,
    { store: state.identity, locks: state.locks, scopes: accountScopes(options.providers) },
  );
  indexStatus = () => identityIndex.status();
  const gateway: Gateway = {
    directory,
    identityIndex,
    writeLedger: createWriteLedger({ store: state.ledger }),
    state,
    resilience,
    deadlineMs: faults.deadlineMs,
    cursors: new CursorSigner(frontDoor.cursorSecret),
    shutdownSignal: lifecycle.shutdownSignal,
    freshDirectory: cachedDirectory('refresh'),
    changes,
  };
  const ready = Promise.all([identityIndex.start().catch(() => undefined), changes.start()]).then(() => undefined);
  const webhooks = webhookRoutes({
    secrets: options.webhookSecrets ?? {},
    receivers: webhookReceivers,
    seen: state.values,
    apply: (provider, change) =>
      applyCustomerChange({ identityIndex, cache, feed: changes, fetchCustomer: (name, id) => upstream.get(name).customers.get(id) }, provider, change, 'webhook'),
    logger,
    onOutcome: metrics === null ? undefined : (provider, outcome) => metrics.webhookEvents.inc({ provider, outcome }),
  });
  const readiness = new ReadinessProbes();
  readiness.register('draining', () => (lifecycle.draining ? { ready: false, detail: 'shutting down' } : { ready: true }));
  readiness.register('identityIndex', () => identityIndexProbe(identityIndex));
  readiness.register('stateStore', async () => {
    const health = await state.health();
    return health.ok ? { ready: true } : { ready: false, detail: health.detail };
  });

  const requestTelemetry = createRequestTelemetry({ logger, graphqlEndpoint, httpDuration: metrics?.httpDuration });
  const yoga = createYoga<Record<string, unknown>, GraphContext>({
    schema,
    graphqlEndpoint,
    // Over WebSocket there is no request: a subscription lives as long as its socket.
    context: ({ request }: { request?: Request }) =>
      createContext(gateway, {
        callerSignal: () => request?.signal,
        requestId: request === undefined ? randomUUID() : requestTelemetry.requestIdOf(request),
        upstreamBudget: frontDoor.limits.upstreamCalls,
        fresh: wantsFreshData(request?.headers),
      }),
    maskedErrors: { maskError },
    plugins: [
      bodyLimitPlugin(frontDoor.bodyLimitBytes),
      requestTelemetry.plugin,
      readinessCheck('/readiness', async () => readinessResponse(await readiness.evaluate())),
      ...(metrics === null ? [] : [prometheusPlugin(metrics, options.metrics === undefined || options.metrics === false ? '/metrics' : options.metrics.endpoint)]),
      webhooks,
      ...frontDoorPlugins(frontDoor, { graphqlEndpoint, budgets: state.budgets }),
      mutationsReadFresh(),
      partialErrorsPlugin(),
      releaseWhenAnswered(),
    ],
    // GraphiQL served from the package, not a CDN, so it works offline and behind strict networks.
    renderGraphiQL,
    graphiql: frontDoor.graphiql ? { title: 'customer-graph', defaultEditorToolsVisibility: 'variables', defaultTabs: graphiqlTabs } : false,
    cors: corsOptions(frontDoor.corsOrigins),
    batching: false,
    logging: false,
    // `bodyLimitPlugin` already holds every body to the front door's limit (by Content-Length, or counting a
    // chunked one). Yoga's own check would pipe every body through a TransformStream as well: a stream pipeline,
    // a new Request and an AbortController per request, for a limit (25 MB) that can never be reached.
    maxRequestBodySize: false,
  });

  return {
    yoga,
    schema,
    gateway,
    rateBudget: budget,
    ready,
    logger,
    metrics,
    readiness,
    lifecycle,
    close: async () => {
      await changes.close();
      await dispatcher.close();
      if (options.state === undefined) await state.close();
    },
  };
}

/**
 * Per provider, a digest of its base URL and key: another account (a test key and a live key at the same URL, a
 * sandbox on another port) never reads this one's identity index from a shared store. The key itself is never
 * stored.
 */
function accountScopes(providers: AppOptions['providers']): Map<string, string> {
  return new Map(providers.map((config) => [config.name, `${config.name}:${createHash('sha256').update(`${config.baseUrl}\n${config.apiKey}`).digest('base64url').slice(0, 16)}`]));
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

/**
 * A request's deadline lets go once its answer is complete: at the end of execution, or of its stream for an
 * incremental answer. A subscription, and a request refused before execution, keep the timer to the deadline.
 */
function releaseWhenAnswered(): Plugin<GraphContext> {
  return {
    onExecute: ({ args }) => ({
      onExecuteDone: ({ result }) => {
        const context = args.contextValue as GraphContext;
        if (Symbol.asyncIterator in result) return { onEnd: () => context.calls.release() };
        context.calls.release();
        return undefined;
      },
    }),
  };
}

/** Ready once every identity index has finished a build; a failed build is started again by the probe. */
async function identityIndexProbe(identityIndex: IdentityIndex): Promise<{ ready: boolean; detail?: string }> {
  const pending = (await identityIndex.status()).filter((status) => status.builtAt === null).map((status) => status.provider);
  if (pending.length === 0) return { ready: true };
  // A build that failed is only retried on demand; without this a gateway that started during an outage never becomes ready.
  identityIndex.start().catch(() => undefined);
  return { ready: false, detail: `building: ${pending.join(', ')}` };
}

/**
 * Answers `endpoint` with `check`'s response (503 with the message if it throws), as graphql-yoga's
 * `useReadinessCheck` does, without its URLPattern test of every request's URL: that test was 1.5 % of the CPU of
 * every GraphQL request (#11).
 */
function readinessCheck(endpoint: string, check: () => Promise<Response>): Plugin {
  return {
    onRequest({ request, endResponse }) {
      if (pathOf(request.url) !== endpoint) return undefined;
      return check().then(endResponse, (error: unknown) =>
        endResponse(new Response(error instanceof Error ? error.message : null, { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } })),
      );
    },
  };
}

function readinessResponse(report: Awaited<ReturnType<ReadinessProbes['evaluate']>>): Response {
  return new Response(JSON.stringify({ status: report.ready ? 'ready' : 'not ready', checks: report.checks }), {
    status: report.ready ? 200 : 503,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}

/** graphql-yoga's Prometheus plugin on the app's registry: requests, errors and durations by operation. */
function prometheusPlugin(metrics: GatewayMetrics, endpoint: string | false): Plugin {
  return usePrometheus({
    registry: metrics.registry,
    endpoint,
    // Every metric named, on or off: the plugin turns on whatever is not named. Each one costs every request its
    // labels and an observation; all of them together were a fifth of the CPU of a query answered from the read
    // cache. Off, as figures nobody reads:
    // - the deprecated-field counter (it walks every document with a TypeInfo; the schema deprecates nothing);
    // - the request-time summary (a quantile sketch per operation: the request-duration histogram's figure);
    // - the request counter (the request-duration histogram's `_count`);
    // - the parse, validate and context phases: parse and validate are answered from yoga's caches, and all three
    //   are timed in whole milliseconds, so they recorded 0 for nearly every request;
    // - the execute and subscribe phases: the plugin times them from the same instant, and observes them at the
    //   same moment, as the request-duration histogram (the same figure twice).
    // And one observed elsewhere: `graphql_yoga_http_duration`, by the request telemetry (see `metrics.ts`).
    metrics: {
      graphql_envelop_request: false,
      graphql_envelop_request_duration: true,
      graphql_envelop_error_result: true,
      graphql_envelop_phase_parse: false,
      graphql_envelop_phase_validate: false,
      graphql_envelop_phase_context: false,
      graphql_envelop_phase_execute: false,
      graphql_envelop_phase_subscribe: false,
      graphql_envelop_schema_change: true,
      graphql_envelop_deprecated_field: false,
      graphql_envelop_request_time_summary: false,
      graphql_envelop_execute_resolver: false,
      graphql_yoga_http_duration: false,
    },
    // The URL label would repeat the endpoint; query strings could hold anything.
    labels: { url: false },
  });
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
