import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { afterAll, beforeEach } from 'vitest';
import { createApp, type App } from '../../src/app';
import type { FrontDoorOptions } from '../../src/front-door/options';
import { silentLogger } from '../../src/logger';
import type { AppLogger } from '../../src/observability/logger';
import { defaultTimeouts, type HttpTimeouts } from '../../src/providers/kit/dispatcher';
import type { RateLimit } from '../../src/providers/kit/rate-budget';
import { defaultRetryPolicy, type RetryPolicy } from '../../src/providers/kit/retry';
import { providerNames } from '../../src/providers/provider-names';
import { defaultFaultSettings, type FaultSettings } from '../../src/providers/kit/fault-settings';
import type { RequestLogEntry } from '../../src/sandbox/request-log';
import { createSandbox, type Sandbox } from '../../src/sandbox/sandbox';
import { allSimulators } from '../../src/registry';
import type { StateStore } from '../../src/state/state-port';
import { CustomersPageDocument, type Provider } from '../generated/graphql';
import type { Loose } from './http';

export interface GraphResult<T> {
  data: T | null | undefined;
  errors?: { message: string; path?: (string | number)[]; extensions?: Loose }[];
}

export interface TestGateway {
  app: App;
  sandbox: Sandbox;
  /** A typed document from `test/generated`. */
  execute<T, V>(document: TypedDocumentNode<T, V>, variables?: V): Promise<GraphResult<T>>;
  /** An ad-hoc query string, typed loosely. */
  run(query: string, variables?: Record<string, unknown>): Promise<GraphResult<Loose>>;
  /**
   * A POST to `/graphql` with `body` as JSON and no headers but `content-type` and the ones given (`accept`,
   * `authorization`, `traceparent`…): the raw `Response`, for status codes, headers and streams.
   */
  request(body: unknown, headers?: Record<string, string>, signal?: AbortSignal): Promise<Response>;
  /** Provider calls the sandbox served since the last `clearUpstream()`. */
  upstream(): RequestLogEntry[];
  clearUpstream(): void;
  close(): Promise<void>;
}

export interface TestGatewayOptions {
  people?: number;
  timeouts?: Partial<HttpTimeouts>;
  retry?: Partial<RetryPolicy>;
  /** Deadline, read timeouts, hedging and breakers; the production defaults (but no hedging) unless given. */
  faults?: Partial<FaultSettings>;
  logger?: AppLogger;
  /** Rate budgets by provider; unlimited when not given, as against the sandbox by default. */
  rateLimits?: Record<string, RateLimit>;
  concurrency?: number;
  /** Limits, auth and browser rules; the development defaults when not given. */
  frontDoor?: Partial<FrontDoorOptions>;
  /** A sandbox several gateways share (instances of one deployment); left running on close. */
  sandbox?: Sandbox;
  /** The state store (Redis for several instances); the caller closes it. */
  state?: StateStore;
  /** Read cache TTL per provider (off when absent). */
  cacheTtlMs?: Record<string, number>;
  webhookSecrets?: Record<string, string | null>;
}

/** The whole product in-process: the sandbox on a free loopback port, the gateway reached through `yoga.fetch`. */
export async function startTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  const sandbox = options.sandbox ?? (await createSandbox({ port: 0, people: options.people ?? 300, simulators: allSimulators }));
  const app = createApp({
    state: options.state,
    providers: sandboxProviders(sandbox),
    http: {
      timeouts: { ...defaultTimeouts, headersMs: 2000, bodyMs: 2000, ...options.timeouts },
      // Two retries (HTTP_RETRIES=2), not the product's default of 4: graph tests count upstream calls at that setting.
      retry: { ...defaultRetryPolicy, retries: 2, baseDelayMs: 5, maxDelayMs: 20, ...options.retry },
      // No hedging unless asked: a hedge depends on timing, and tests count upstream calls.
      faults: { ...defaultFaultSettings, hedging: false, ...options.faults },
    },
    concurrency: options.concurrency ?? 8,
    rateLimits: options.rateLimits,
    logger: options.logger ?? silentLogger,
    frontDoor: options.frontDoor,
    cacheTtlMs: options.cacheTtlMs,
    webhookSecrets: options.webhookSecrets,
  });
  await app.ready;
  if (options.sandbox === undefined) sandbox.clearRequests();
  const request = async (body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Response> =>
    app.yoga.fetch('http://gateway.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), signal });
  const post = async (query: string, variables: unknown): Promise<GraphResult<Loose>> =>
    (await (await request({ query, variables }, { accept: 'application/json' })).json()) as GraphResult<Loose>;
  return {
    app,
    sandbox,
    execute: (document, variables) => post(print(document as DocumentNode), variables),
    run: (query, variables) => post(query, variables),
    request,
    upstream: () => sandbox.requests(),
    clearUpstream: () => sandbox.clearRequests(),
    close: async () => {
      await app.close();
      if (options.sandbox === undefined) await sandbox.close();
    },
  };
}

/**
 * The gateway a whole test file shares: started while the file is collected (call it at the top level, with
 * `await`), closed after the file. With `fresh`, each test starts with no sandbox faults and an empty upstream log.
 */
export async function gatewayUnderTest(options: TestGatewayOptions = {}, between: { fresh?: boolean } = {}): Promise<TestGateway> {
  const gateway = await startTestGateway(options);
  afterAll(() => gateway.close());
  if (between.fresh === true) {
    beforeEach(() => {
      gateway.sandbox.setFaults({});
      gateway.clearUpstream();
    });
  }
  return gateway;
}

/** The global ID of the newest customer at each provider, in the graph's provider order. */
export async function newestIdPerProvider(gateway: TestGateway): Promise<string[]> {
  const ids: string[] = [];
  for (const provider of providerNames.map((name) => name.toUpperCase() as Provider)) {
    ids.push((await gateway.execute(CustomersPageDocument, { provider, first: 1 })).data!.customers.edges[0]!.node.id);
  }
  return ids;
}

/** Each provider as the app is configured against a sandbox: SANDBOX mode, the sandbox's base URL, a test key. */
export function sandboxProviders(sandbox: Sandbox) {
  return providerNames.map((name) => ({ name, mode: 'SANDBOX' as const, baseUrl: sandbox.baseUrls[name] as string, apiKey: 'test-key' }));
}

/** Upstream calls per provider, e.g. `{ polar: 21 }`. */
export function callsByProvider(entries: readonly RequestLogEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of entries) counts[entry.provider] = (counts[entry.provider] ?? 0) + 1;
  return counts;
}
