import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Where an identity index stands, for the gauges (read at scrape time, never on the request path). */
export interface IndexStatus {
  provider: string;
  size: number;
  /** When its last complete build finished (ms since the epoch), or null while none has. */
  builtAt: number | null;
}

/** A provider's circuit breaker, for the gauge (read at scrape time). */
export interface BreakerStatus {
  provider: string;
  state: 'CLOSED' | 'HALF_OPEN' | 'OPEN';
}

const BREAKER_GAUGE_VALUE = { CLOSED: 0, HALF_OPEN: 1, OPEN: 2 } as const;

export interface GatewayMetrics {
  /** One registry per app, so two apps in one process (tests) never share counters. */
  registry: Registry;
  /**
   * graphql-yoga's `graphql_yoga_http_duration`, by operation, method and status, observed by the request telemetry
   * (`request-telemetry.ts`), which already times each request for its log line. The plugin's own observation spread
   * the whole GraphQL context into a new object on every response: 4 % of the CPU of a read answered from the cache.
   */
  httpDuration: Histogram<'operationName' | 'operationType' | 'method' | 'statusCode'>;
  upstreamRequests: Counter<'provider' | 'method' | 'route' | 'status'>;
  upstreamDuration: Histogram<'provider' | 'method' | 'route'>;
  upstreamRetries: Counter<'provider' | 'method' | 'route'>;
  upstreamWait: Histogram<'provider'>;
  cacheLookups: Counter<'provider' | 'kind' | 'result'>;
  webhookEvents: Counter<'provider' | 'outcome'>;
}

/** The gateway's own metrics beside graphql-yoga's; names carry the `customer_graph_` prefix. */
export function createMetrics(indexStatus: () => Promise<IndexStatus[]>, breakerStatus: () => BreakerStatus[] = () => []): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: 'graphql_yoga_http_duration',
    help: 'Time spent on HTTP connection',
    labelNames: ['operationName', 'operationType', 'method', 'statusCode'] as const,
    registers: [registry],
  });
  const upstreamRequests = new Counter({
    name: 'customer_graph_upstream_requests_total',
    help: 'Requests sent to providers (every attempt, retries included), by route template and outcome (HTTP status, or the error code when no response came).',
    labelNames: ['provider', 'method', 'route', 'status'] as const,
    registers: [registry],
  });
  const upstreamDuration = new Histogram({
    name: 'customer_graph_upstream_request_duration_seconds',
    help: 'Time of one attempt at a provider call, by route template.',
    labelNames: ['provider', 'method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const upstreamRetries = new Counter({
    name: 'customer_graph_upstream_retries_total',
    help: 'Provider calls tried again after a retryable failure.',
    labelNames: ['provider', 'method', 'route'] as const,
    registers: [registry],
  });
  const upstreamWait = new Histogram({
    name: 'customer_graph_upstream_wait_seconds',
    help: 'Time an attempt waited for its provider\'s rate budget and a concurrency slot before it was sent.',
    labelNames: ['provider'] as const,
    buckets: [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const cacheLookups = new Counter({
    name: 'customer_graph_cache_lookups_total',
    help: 'Read cache lookups by provider, kind (customer, state, entitlements, external, list) and result (hit or miss; a store that cannot be reached counts as misses).',
    labelNames: ['provider', 'kind', 'result'] as const,
    registers: [registry],
  });
  const webhookEvents = new Counter({
    name: 'customer_graph_webhook_events_total',
    help: 'Webhook deliveries received from configured providers, by outcome: applied, duplicate, rejected (bad signature, 401), invalid (400/405/413), error (not applied, 500/503).',
    labelNames: ['provider', 'outcome'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'customer_graph_breaker_state',
    help: 'Each provider\'s circuit breaker: 0 closed, 1 half-open, 2 open.',
    labelNames: ['provider'] as const,
    registers: [registry],
    collect() {
      for (const status of breakerStatus()) this.set({ provider: status.provider }, BREAKER_GAUGE_VALUE[status.state]);
    },
  });
  new Gauge({
    name: 'customer_graph_identity_index_external_ids',
    help: 'External IDs held by the identity index, per provider that needs one.',
    labelNames: ['provider'] as const,
    registers: [registry],
    async collect() {
      for (const status of await indexStatus()) this.set({ provider: status.provider }, status.size);
    },
  });
  new Gauge({
    name: 'customer_graph_identity_index_age_seconds',
    help: 'Seconds since the identity index last finished a complete build (absent until it has).',
    labelNames: ['provider'] as const,
    registers: [registry],
    async collect() {
      const statuses = await indexStatus();
      this.reset();
      for (const status of statuses) {
        if (status.builtAt !== null) this.set({ provider: status.provider }, (Date.now() - status.builtAt) / 1000);
      }
    },
  });
  return { registry, httpDuration, upstreamRequests, upstreamDuration, upstreamRetries, upstreamWait, cacheLookups, webhookEvents };
}
