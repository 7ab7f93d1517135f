import { defaultBreakerOptions } from './providers/kit/breaker';
import { defaultFaultSettings, type FaultSettings } from './providers/kit/fault-settings';
import { defaultPool, defaultTimeouts, type HttpPool, type HttpTimeouts } from './providers/kit/dispatcher';
import type { RateLimit } from './providers/kit/rate-budget';
import { defaultBurst } from './providers/kit/rate-limits';
import { defaultRetryPolicy, type RetryPolicy } from './providers/kit/retry';
import { providerCatalog, providerNames } from './providers/provider-names';
import { providerDefinitions } from './registry';
import type { ProviderMode } from './routing/provider-directory';
import { validateFaults, type FaultConfig } from './sandbox/shared/faults';
import { readStateSettings, type StateSettings } from './state/state-settings';
import { readFrontDoorSettings, type FrontDoorSettings } from './front-door/front-door-config';

export type { ProviderMode };

export interface ProviderConfig {
  name: string;
  mode: ProviderMode;
  /** Set for live providers; sandbox providers get the sandbox's URL at start-up. */
  baseUrl: string | null;
  apiKey: string | null;
}

export interface AppConfig {
  /** Gateway port. @default 4000 (env `PORT`) */
  port: number;
  /** Interface the gateway and sandbox listen on. @default '127.0.0.1' (env `HOST`) */
  host: string;
  providers: ProviderConfig[];
  sandbox: {
    /** @default 4010 (env `SANDBOX_PORT`) */
    port: number;
    /** @default 42 (env `SANDBOX_SEED`) */
    seed: number;
    /** @default 1000 (env `SANDBOX_PEOPLE`) */
    people: number;
    /** Faults from the start, JSON keyed by provider. @default {} (env `SANDBOX_FAULTS`) */
    faults: FaultConfig;
    /** A sandbox already running (`npm run sandbox`) to use instead of starting one. @default null (env `SANDBOX_URL`) */
    url: string | null;
    /**
     * A gateway's base URL the sandbox sends webhooks to (`<url>/webhooks/<provider>`, signed with the providers'
     * webhook secrets). `npm start` uses its own gateway when unset. @default null (env `SANDBOX_WEBHOOK_URL`)
     */
    webhookUrl: string | null;
  };
  /** Each provider's webhook signing secret; null refuses that provider's webhooks. (env `<PROVIDER>_WEBHOOK_SECRET`) */
  webhookSecrets: Record<string, string | null>;
  /** How long a cached read may be served, per provider; 0 turns the cache off. @default 30000 (env `<PROVIDER>_CACHE_TTL_MS`) */
  cacheTtlMs: Record<string, number>;
  http: { timeouts: HttpTimeouts; retry: RetryPolicy; pool: HttpPool; faults: FaultSettings };
  /**
   * Each provider's rate budget. Live: its published limit (see `src/providers/<name>/<name>-rate-limit.ts`);
   * sandbox: unlimited, unless `SANDBOX_FAULTS` makes the sandbox enforce a limit. Env `<PROVIDER>_RATE_LIMIT`
   * (calls per second, or `unlimited`) and `<PROVIDER>_RATE_BURST` override either.
   */
  rateLimits: Record<string, RateLimit>;
  /**
   * Providers on the embedded sandbox without their own `<PROVIDER>_RATE_LIMIT` or `_RATE_BURST`: their budget follows the limit
   * the sandbox is told to enforce (`rateLimitPerSecond` in `SANDBOX_FAULTS` or `PUT /__sandbox/faults`), as a live
   * provider's follows its published limit.
   */
  rateLimitsFollowSandbox: string[];
  /** Longest wait for rate budget when the request has no earlier deadline. @default 10000 (env `RATE_BUDGET_MAX_WAIT_MS`) */
  rateBudgetMaxWaitMs: number;
  /**
   * Most calls in flight to one provider at once: a safety net, rate budgets do the pacing. As many as the HTTP pool's
   * sockets per origin by default (`HTTP_CONNECTIONS_PER_ORIGIN`, 128): a ceiling below the pool left sockets idle
   * while calls queued. @default 128 (env `PROVIDER_CONCURRENCY`)
   */
  concurrency: number;
  observability: ObservabilityConfig;
  /** How long in-flight requests may run after SIGTERM/SIGINT before they are cut off. @default 10000 (env `SHUTDOWN_GRACE_MS`) */
  shutdownGraceMs: number;
  /**
   * Who may call and what an operation may cost: `NODE_ENV`, `API_KEYS`, `JWT_*`, `AUTH`, `CORS_ORIGINS`,
   * `BODY_LIMIT_BYTES`, `MAX_*`, `UPSTREAM_CALL_BUDGET`, `GRAPHIQL`, `INTROSPECTION`, `TRUSTED_DOCUMENTS`, `CURSOR_SECRET`.
   */
  frontDoor: FrontDoorSettings;
  /** Shared state: memory (one instance) unless `REDIS_URL`, `REDIS_SENTINELS` or `REDIS_CLUSTER_NODES` is set. */
  state: StateSettings;
}

export interface ObservabilityConfig {
  /** pino level. @default 'info' (env `LOG_LEVEL`) */
  logLevel: string;
  /** Human-readable logs when stdout is a terminal; off when `NODE_ENV=production`. */
  prettyLogs: boolean;
  /** Serve `/metrics` on this port instead of the gateway's. @default null (env `METRICS_PORT`) */
  metricsPort: number | null;
  /** OpenTelemetry tracing, on only when an exporter is configured through the standard `OTEL_*` variables. */
  tracing: boolean;
  /** @default 'customer-graph' (env `OTEL_SERVICE_NAME`) */
  serviceName: string;
}

const logLevels = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/** Webhooks keep cached reads current; the TTL is the backstop for a change whose webhook never comes. */
const DEFAULT_CACHE_TTL_MS = 30_000;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** The only reader of the environment. Every problem is reported at once, not the first only. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const text = env[name];
    if (text === undefined || text.trim() === '') return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${text}")`);
      return fallback;
    }
    return value;
  };

  const providers = providerCatalog.map((definition): ProviderConfig => {
    const prefix = definition.name.toUpperCase();
    const apiKey = env[`${prefix}_API_KEY`]?.trim() || null;
    const baseUrl = env[`${prefix}_BASE_URL`]?.trim() || null;
    if (baseUrl !== null) {
      try {
        new URL(baseUrl);
      } catch {
        problems.push(`${prefix}_BASE_URL is not a URL (got "${baseUrl}")`);
      }
      if (apiKey === null) problems.push(`${prefix}_BASE_URL is set but ${prefix}_API_KEY is not: a live provider needs both, or neither for the sandbox`);
    }
    if (apiKey === null) return { name: definition.name, mode: 'SANDBOX', baseUrl: null, apiKey: null };
    return { name: definition.name, mode: 'LIVE', baseUrl: baseUrl ?? definition.liveBaseUrl, apiKey };
  });

  const webhookSecrets = Object.fromEntries(
    providerNames.map((name) => [name, env[`${name.toUpperCase()}_WEBHOOK_SECRET`]?.trim() || null]),
  );
  const cacheTtlMs = Object.fromEntries(
    providerNames.map((name) => [name, integer(`${name.toUpperCase()}_CACHE_TTL_MS`, DEFAULT_CACHE_TTL_MS, 0, 86_400_000)]),
  );
  const webhookUrl = env.SANDBOX_WEBHOOK_URL?.trim() || null;
  if (webhookUrl !== null && !/^https?:\/\/[^/]/.test(webhookUrl)) problems.push(`SANDBOX_WEBHOOK_URL must be an http(s) URL (got "${webhookUrl}")`);

  let faults: FaultConfig = {};
  if (env.SANDBOX_FAULTS !== undefined && env.SANDBOX_FAULTS.trim() !== '') {
    try {
      const parsed: unknown = JSON.parse(env.SANDBOX_FAULTS);
      const invalid = validateFaults(parsed, providerNames);
      for (const problem of invalid) problems.push(`SANDBOX_FAULTS: ${problem}`);
      if (invalid.length === 0) faults = parsed as FaultConfig;
    } catch {
      problems.push('SANDBOX_FAULTS must be JSON, e.g. {"omise": {"errorRate": 0.2}}');
    }
  }

  const logLevel = env.LOG_LEVEL?.trim().toLowerCase() || 'info';
  if (!logLevels.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${logLevels.join(', ')} (got "${env.LOG_LEVEL}")`);
  const metricsPort = env.METRICS_PORT?.trim() ? integer('METRICS_PORT', 0, 0, 65535) : null;
  const sandboxUrl = env.SANDBOX_URL?.trim() || null;
  if (sandboxUrl !== null && !/^https?:\/\/[^/]/.test(sandboxUrl)) problems.push(`SANDBOX_URL must be an http:// URL of a running sandbox, e.g. http://127.0.0.1:4010 (got "${sandboxUrl}")`);

  const rateLimits: Record<string, RateLimit> = {};
  const rateLimitsFollowSandbox: string[] = [];
  for (const provider of providers) {
    const definition = providerDefinitions.find((candidate) => candidate.name === provider.name);
    const prefix = provider.name.toUpperCase();
    let limit: RateLimit =
      provider.mode === 'LIVE' && definition !== undefined
        ? { perSecond: definition.rateLimit.perSecond, burst: definition.rateLimit.burst }
        : sandboxRateLimit(faults, provider.name);
    const rateText = env[`${prefix}_RATE_LIMIT`]?.trim();
    if (provider.mode === 'SANDBOX' && !rateText && !env[`${prefix}_RATE_BURST`]?.trim()) rateLimitsFollowSandbox.push(provider.name);
    if (rateText !== undefined && rateText !== '') {
      const rate = Number(rateText);
      if (rateText.toLowerCase() === 'unlimited') limit = { perSecond: null, burst: 1 };
      else if (Number.isFinite(rate) && rate > 0 && rate <= 1_000_000) limit = { perSecond: rate, burst: defaultBurst(rate) };
      else problems.push(`${prefix}_RATE_LIMIT must be calls per second above 0 (fractions allowed) or "unlimited" (got "${rateText}")`);
    }
    limit = { ...limit, burst: integer(`${prefix}_RATE_BURST`, limit.burst, 1, 1_000_000) };
    rateLimits[provider.name] = limit;
  }

  const connectionsPerOrigin = integer('HTTP_CONNECTIONS_PER_ORIGIN', defaultPool.connectionsPerOrigin, 1, 4096);
  const config: AppConfig = {
    port: integer('PORT', 4000, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    providers,
    sandbox: {
      port: integer('SANDBOX_PORT', 4010, 0, 65535),
      seed: integer('SANDBOX_SEED', 42, 0, 2 ** 31 - 1),
      people: integer('SANDBOX_PEOPLE', 1000, 0, 1_000_000),
      faults,
      url: sandboxUrl,
      webhookUrl,
    },
    webhookSecrets,
    cacheTtlMs,
    http: {
      timeouts: {
        connectMs: integer('HTTP_CONNECT_TIMEOUT_MS', defaultTimeouts.connectMs, 1, 600_000),
        headersMs: integer('HTTP_HEADERS_TIMEOUT_MS', defaultTimeouts.headersMs, 1, 600_000),
        bodyMs: integer('HTTP_BODY_TIMEOUT_MS', defaultTimeouts.bodyMs, 1, 600_000),
      },
      retry: { ...defaultRetryPolicy, retries: integer('HTTP_RETRIES', defaultRetryPolicy.retries, 0, 10) },
      faults: faultSettings(env, integer, problems),
      pool: {
        connectionsPerOrigin,
        pipelining: integer('HTTP_PIPELINING', defaultPool.pipelining, 1, 100),
        keepAliveTimeoutMs: integer('HTTP_KEEP_ALIVE_TIMEOUT_MS', defaultPool.keepAliveTimeoutMs, 1, 600_000),
      },
    },
    observability: { logLevel, prettyLogs: env.NODE_ENV !== 'production', metricsPort, tracing: tracingConfigured(env), serviceName: env.OTEL_SERVICE_NAME?.trim() || 'customer-graph' },
    shutdownGraceMs: integer('SHUTDOWN_GRACE_MS', 10_000, 0, 3_600_000),
    rateLimits,
    rateLimitsFollowSandbox,
    rateBudgetMaxWaitMs: integer('RATE_BUDGET_MAX_WAIT_MS', 10_000, 0, 600_000),
    concurrency: integer('PROVIDER_CONCURRENCY', connectionsPerOrigin, 1, 4096),
    state: readStateSettings(env, problems),
    frontDoor: readFrontDoorSettings(env, problems, providers.some((provider) => provider.mode === 'LIVE')),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** The request deadline, read attempt timeouts (per provider), hedging and the circuit breakers. */
function faultSettings(env: NodeJS.ProcessEnv, integer: (name: string, fallback: number, min: number, max: number) => number, problems: string[]): FaultSettings {
  const readTimeoutMs = integer('PROVIDER_READ_TIMEOUT_MS', 1000, 50, 600_000);
  const readTimeouts: Record<string, number> = {};
  for (const definition of providerDefinitions) {
    const name = `${definition.name.toUpperCase()}_READ_TIMEOUT_MS`;
    if (env[name] !== undefined && env[name]?.trim() !== '') readTimeouts[definition.name] = integer(name, readTimeoutMs, 50, 600_000);
  }
  const hedgingText = env.PROVIDER_HEDGING?.trim().toLowerCase() ?? '';
  if (!['', 'on', 'off', 'true', 'false'].includes(hedgingText)) problems.push(`PROVIDER_HEDGING must be on or off (got "${env.PROVIDER_HEDGING}")`);
  const windowText = env.PROVIDER_RETRY_WINDOW?.trim() ?? '';
  let retryWindow = defaultFaultSettings.retryWindow;
  if (windowText !== '') {
    const share = Number(windowText);
    if (!(share > 0 && share <= 1)) problems.push(`PROVIDER_RETRY_WINDOW must be a share of the deadline above 0 and at most 1, e.g. 0.5 (got "${windowText}")`);
    else retryWindow = share;
  }
  const ratioText = env.BREAKER_FAILURE_RATIO?.trim() ?? '';
  let failureRatio = defaultBreakerOptions.failureRatio;
  if (ratioText !== '') {
    const ratio = Number(ratioText);
    if (!(ratio > 0 && ratio < 1)) problems.push(`BREAKER_FAILURE_RATIO must be a number between 0 and 1, e.g. 0.7 (got "${ratioText}")`);
    else failureRatio = ratio;
  }
  return {
    deadlineMs: integer('REQUEST_DEADLINE_MS', 5000, 100, 600_000),
    readTimeoutMs,
    readTimeouts,
    hedging: hedgingText !== 'off' && hedgingText !== 'false',
    retryWindow,
    breaker: {
      consecutiveFailures: integer('BREAKER_CONSECUTIVE_FAILURES', defaultBreakerOptions.consecutiveFailures, 1, 1000),
      failureRatio,
      halfOpenAfterMs: integer('BREAKER_HALF_OPEN_AFTER_MS', defaultBreakerOptions.halfOpenAfterMs, 100, 600_000),
    },
  };
}

/**
 * Tracing is off unless an exporter is named or an OTLP endpoint is given (the SDK itself reads the rest of
 * the standard `OTEL_*` variables). The SDK's own default exporter would be OTLP to localhost: not wanted.
 */
function tracingConfigured(env: NodeJS.ProcessEnv): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  const exporter = env.OTEL_TRACES_EXPORTER?.trim().toLowerCase();
  if (exporter !== undefined && exporter !== '') return exporter !== 'none';
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
}

/** The budget for a provider on the sandbox: the limit the sandbox enforces for it, or none. */
export function sandboxRateLimit(faults: FaultConfig, provider: string): RateLimit {
  const enforced = faults[provider]?.rateLimitPerSecond;
  return enforced === undefined ? { perSecond: null, burst: 1 } : { perSecond: enforced, burst: defaultBurst(enforced) };
}

/**
 * Keeps the budgets of the named providers at the limit the embedded sandbox enforces, as it changes
 * (`PUT /__sandbox/faults`, a reset), so the gateway paces itself as it does against a live provider's published limit.
 */
export function followSandboxRateLimits(
  sandbox: { onFaultsChanged(listener: (faults: FaultConfig) => void): void },
  budget: { setLimit?(provider: string, limit: RateLimit): void },
  providers: readonly string[],
): void {
  if (providers.length === 0) return;
  sandbox.onFaultsChanged((faults) => {
    for (const name of providers) budget.setLimit?.(name, sandboxRateLimit(faults, name));
  });
}
