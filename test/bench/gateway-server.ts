/**
 * The gateway alone in its own process for `npm run bench`, so its CPU and memory are measured apart from the
 * sandbox and the load generator. Settings come from the environment through `loadConfig`, exactly as `npm start`
 * reads them; the sandbox's base URLs come in `BENCH_SANDBOX_URLS` (JSON). Prints `listening <port>` when ready.
 * With `BENCH_CPU_PROF_DIR`, a CPU profile of the serving alone (start-up and the identity index left out) is
 * written there when the process is stopped; with `BENCH_HEAP_PROF_DIR`, a sampled allocation profile.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logger';
import { createState } from '../../src/state/create-state';
import { startProfiling } from './profiling';

const config = loadConfig(process.env);
const urls = JSON.parse(process.env.BENCH_SANDBOX_URLS ?? '{}') as Record<string, string>;
// Memory unless REDIS_URL (or Sentinel, Cluster) is set, as for `npm start`: several children can share one Redis.
const state = createState(config.state, silentLogger);
await state.waitUntilConnected(10_000);
const app = createApp({
  state,
  cacheTtlMs: config.cacheTtlMs,
  webhookSecrets: config.webhookSecrets,
  providers: config.providers.map((provider) => ({ ...provider, baseUrl: urls[provider.name] as string, apiKey: 'bench' })),
  // Generous timeouts: a loaded 2-core machine must not turn slowness into errors the figures would hide.
  http: { ...config.http, timeouts: { connectMs: 10_000, headersMs: 60_000, bodyMs: 60_000 } },
  concurrency: config.concurrency,
  rateLimits: config.rateLimits,
  rateBudgetMaxWaitMs: config.rateBudgetMaxWaitMs,
  logger: silentLogger,
});
await app.ready;
const profiling = await startProfiling('gateway', { cpuDir: process.env.BENCH_CPU_PROF_DIR, heapDir: process.env.BENCH_HEAP_PROF_DIR });
const server = createServer(app.yoga);
server.listen(0, '127.0.0.1', () => console.log(`listening ${(server.address() as AddressInfo).port}`));
// SIGTERM ends the process normally, so `--cpu-prof` writes its profile.
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close();
  void (async () => {
    await profiling.stop();
    await app.close();
    await state.close();
    process.exit(0);
  })();
});
