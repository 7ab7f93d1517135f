import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { keepServingOnUnhandledRejection } from './front-door/last-line';
import { consoleLogger } from './logger';
import { sandboxBaseUrls, sendWebhooksTo, startSandboxFor } from './sandbox/start';
import { createState } from './state/create-state';
import { describeState } from './state/describe-state';
import { attachWebSockets } from './websocket-server';

/** `npm start`: configuration → sandbox for providers without credentials → the gateway on PORT. */
async function main(): Promise<void> {
  const config = loadConfig();
  keepServingOnUnhandledRejection(consoleLogger);
  const sandbox = await startSandboxFor(config);
  const sandboxUrls = sandbox?.baseUrls ?? (config.sandbox.url === null ? {} : sandboxBaseUrls(config.sandbox.url));
  if (config.sandbox.url !== null) console.log(`sandbox: using the one running at ${config.sandbox.url}`);
  // An embedded sandbox provider without a configured secret gets one for this run: its webhooks are signed and
  // verified like a live provider's.
  const secrets = Object.fromEntries(
    config.providers.map((provider) => [
      provider.name,
      config.webhookSecrets[provider.name] ?? (provider.mode === 'SANDBOX' && sandbox !== null ? randomBytes(32).toString('base64') : null),
    ]),
  );
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
    webhookSecrets: secrets,
    cacheTtlMs: config.cacheTtlMs,
  });
  const server = createServer(app.yoga);
  const webSockets = attachWebSockets(server, app.yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  // The embedded sandbox sends its webhooks to this gateway, signed with this run's secrets (unless
  // SANDBOX_WEBHOOK_URL sends them elsewhere), so a change made at a provider's API shows at once.
  if (sandbox !== null && config.sandbox.webhookUrl === null) {
    const port = (server.address() as AddressInfo).port;
    const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
    sendWebhooksTo(sandbox, `http://${host.includes(':') ? `[${host}]` : host}:${port}`, secrets);
  }
  const modes = config.providers.map((provider) => `${provider.name}=${provider.mode.toLowerCase()}`).join(' ');
  console.log(`customer-graph: GraphQL and GraphiQL at http://${config.host}:${config.port}/graphql (${modes})`);
  console.log(describeState(app.gateway.state));

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`customer-graph: ${signal}, shutting down`);
    await webSockets.close();
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
