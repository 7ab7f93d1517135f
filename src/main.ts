import { createServer } from 'node:http';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { allSimulators } from './registry';
import { keepServingOnUnhandledRejection } from './front-door/last-line';
import { consoleLogger } from './logger';
import { sandboxBaseUrls, startSandboxFor } from './sandbox/start';
import { createState } from './state/create-state';
import { describeState } from './state/describe-state';

/** `npm start`: configuration → sandbox for providers without credentials → the gateway on PORT. */
async function main(): Promise<void> {
  const config = loadConfig();
  keepServingOnUnhandledRejection(consoleLogger);
  const sandbox = await startSandboxFor(config, allSimulators);
  const sandboxUrls = sandbox?.baseUrls ?? (config.sandbox.url === null ? {} : sandboxBaseUrls(config.sandbox.url, allSimulators));
  if (config.sandbox.url !== null) console.log(`sandbox: using the one running at ${config.sandbox.url}`);
  const state = createState(config.state, consoleLogger);
  if (!(await state.waitUntilConnected(5000))) {
    console.warn('state: Redis is not reachable yet; starting anyway and reconnecting in the background (writes with an idempotencyKey answer STATE_UNAVAILABLE until it is)');
  }
  const app = createApp({
    state,
    providers: config.providers.map((provider) => ({
      ...provider,
      baseUrl: provider.baseUrl ?? (sandboxUrls[provider.name] as string),
      apiKey: provider.apiKey ?? 'sandbox-key',
    })),
    http: config.http,
    concurrency: config.concurrency,
    rateLimits: config.rateLimits,
    rateBudgetMaxWaitMs: config.rateBudgetMaxWaitMs,
  });
  const server = createServer(app.yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const modes = config.providers.map((provider) => `${provider.name}=${provider.mode.toLowerCase()}`).join(' ');
  console.log(`customer-graph: GraphQL and GraphiQL at http://${config.host}:${config.port}/graphql (${modes})`);
  console.log(describeState(app.gateway.state));

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`customer-graph: ${signal}, shutting down`);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await app.close();
    await state.close();
    await sandbox?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(describeStartupError(error));
  process.exit(1);
});

/** Start-up failures people can act on, said plainly. */
function describeStartupError(error: unknown): unknown {
  if (error instanceof ConfigError) return error.message;
  const failure = error as { code?: string; port?: number; address?: string };
  if (failure?.code === 'EADDRINUSE') {
    return `port ${failure.port} on ${failure.address} is already in use: stop what holds it, or choose another with PORT (gateway) or SANDBOX_PORT (sandbox)`;
  }
  return error;
}
