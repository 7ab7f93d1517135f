import { randomBytes } from 'node:crypto';
import { createApp } from './app';
import { ConfigError, followSandboxRateLimits, loadConfig, type AppConfig } from './config';
import { allSimulators } from './registry';
import { keepServingOnUnhandledRejection } from './front-door/last-line';
import { frontDoorOptions, type FrontDoorOptions } from './front-door/options';
import { describeFrontDoor } from './front-door/startup-lines';
import { readTrustedDocuments } from './front-door/trusted-documents';
import { createLogger, type AppLogger } from './observability/logger';
import { startTracing } from './observability/tracing';
import { sandboxBaseUrls } from './sandbox/start';
import { SandboxThread } from './sandbox/thread';
import { startGatewayServer } from './server/gateway-server';
import { startMetricsServer } from './server/metrics-server';
import { describeListenError } from './server/start-up-errors';
import { createState } from './state/create-state';
import { describeState } from './state/describe-state';
import { attachWebSockets } from './websocket-server';

/** `npm start`: configuration → sandbox for providers without credentials → the gateway on PORT. */
async function main(config: AppConfig, logger: AppLogger): Promise<void> {
  keepServingOnUnhandledRejection(logger);
  const tracing = config.observability.tracing ? await startTracing(config.observability.serviceName) : null;
  // The embedded sandbox answers on a thread of its own: its work for each upstream call does not take the gateway's.
  const sandbox = await SandboxThread.startFor(config, {
    entry: new URL(import.meta.url.endsWith('.ts') ? './sandbox/worker.ts' : './sandbox/worker.js', import.meta.url),
    onCrash: (error) => {
      // Not restarted: a new sandbox would come back with the seed data, without the writes and faults of this run.
      logger.fatal({ err: error }, 'the embedded sandbox\'s thread crashed; without its providers the gateway stops (exit 1)');
      logger.flush();
      process.exit(1);
    },
  });
  const separateMetrics = config.observability.metricsPort !== null;
  const sandboxUrls = sandbox?.baseUrls ?? (config.sandbox.url === null ? {} : sandboxBaseUrls(config.sandbox.url, allSimulators));
  if (config.sandbox.url !== null) console.log(`sandbox: using the one running at ${config.sandbox.url}`);
  // An embedded sandbox provider without a configured secret gets one for this run: its webhooks are signed and
  // verified like a live provider's.
  const secrets = Object.fromEntries(
    config.providers.map((provider) => [
      provider.name,
      config.webhookSecrets[provider.name] ?? (provider.mode === 'SANDBOX' && sandbox !== null ? randomBytes(32).toString('base64') : null),
    ]),
  );
  const state = createState(config.state, logger);
  if (!(await state.waitUntilConnected(5000))) {
    logger.warn('state: Redis is not reachable yet; starting anyway and reconnecting in the background (writes with an idempotencyKey answer STATE_UNAVAILABLE until it is)');
  }
  const frontDoor = frontDoorFrom(config);
  const app = createApp({
    frontDoor,
    state,
    providers: config.providers.map((provider) => ({
      ...provider,
      baseUrl: provider.baseUrl ?? (sandboxUrls[provider.name] as string),
      apiKey: provider.apiKey ?? 'sandbox-key',
    })),
    http: config.http,
    concurrency: config.concurrency,
    logger,
    metrics: { endpoint: separateMetrics ? false : '/metrics' },
    rateLimits: config.rateLimits,
    rateBudgetMaxWaitMs: config.rateBudgetMaxWaitMs,
    webhookSecrets: secrets,
    cacheTtlMs: config.cacheTtlMs,
  });
  // The embedded sandbox enforces what it is told to (`PUT /__sandbox/faults`): the budgets of its providers follow.
  if (sandbox !== null) followSandboxRateLimits(sandbox, app.rateBudget, config.rateLimitsFollowSandbox);
  const gateway = await startGatewayServer(app, { port: config.port, host: config.host, graceMs: config.shutdownGraceMs });
  const webSockets = attachWebSockets(gateway.server, app.yoga);
  // The embedded sandbox sends its webhooks to this gateway, signed with this run's secrets (unless
  // SANDBOX_WEBHOOK_URL sends them elsewhere), so a change made at a provider's API shows at once.
  if (sandbox !== null && config.sandbox.webhookUrl === null) {
    sandbox.sendWebhooksTo(gateway.url.replace('//0.0.0.0:', '//127.0.0.1:').replace('//[::]:', '//127.0.0.1:'), secrets);
  }
  const metricsServer = separateMetrics && app.metrics !== null ? await startMetricsServer(app.metrics.registry, config.observability.metricsPort as number, config.host) : null;
  const modes = config.providers.map((provider) => `${provider.name}=${provider.mode.toLowerCase()}`).join(' ');
  console.log(`customer-graph: GraphQL and GraphiQL at ${gateway.url}/graphql (${modes})`);
  const metricsUrl = metricsServer === null ? `${gateway.url}/metrics` : `${gateway.url.replace(/:\d+$/, `:${metricsServer.port}`)}/metrics`;
  console.log(`  health ${gateway.url}/health · readiness ${gateway.url}/readiness · metrics ${metricsUrl}${tracing === null ? '' : ' · tracing on'}`);
  console.log(describeState(app.gateway.state));
  const door = describeFrontDoor(frontDoor, config.frontDoor.cursorSecret === null);
  for (const line of door.info) console.log(line);
  for (const line of door.warnings) console.warn(`warning: ${line}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, graceMs: config.shutdownGraceMs }, 'shutting down: readiness false, draining in-flight requests');
    // Subscriptions never finish on their own: they end first, so the drain waits only for real requests.
    await webSockets.close();
    const report = await gateway.shutdown();
    metricsServer?.server.close();
    await app.close();
    await state.close();
    await sandbox?.close();
    await tracing?.shutdown().catch(() => undefined);
    logger.info(report, 'shut down');
    logger.flush();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/** The front door as configured, with the trusted documents read and a cursor secret for this process when none is set. */
function frontDoorFrom(config: AppConfig): FrontDoorOptions {
  const { trustedDocumentsFile, cursorSecret, ...settings } = config.frontDoor;
  let trustedDocuments: ReadonlyMap<string, string> | null = null;
  try {
    trustedDocuments = trustedDocumentsFile === null ? null : readTrustedDocuments(trustedDocumentsFile);
  } catch (error) {
    console.error(`customer-graph cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
  return frontDoorOptions({ ...settings, trustedDocuments, cursorSecret: cursorSecret ?? undefined });
}

async function run(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
  const logger = await createLogger({ level: config.observability.logLevel, pretty: config.observability.prettyLogs && process.stdout.isTTY === true });
  try {
    await main(config, logger);
  } catch (error) {
    const sentence = describeListenError(error, 'gateway', 'PORT (gateway), SANDBOX_PORT (sandbox) or METRICS_PORT (metrics)');
    console.error(sentence === null ? error : `customer-graph cannot start: ${sentence}`);
    process.exit(1);
  }
}

void run();
