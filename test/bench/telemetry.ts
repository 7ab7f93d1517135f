/**
 * `npm run bench:telemetry`: what logging plus metrics cost on by-id reads. Two gateways on one sandbox, side by
 * side in this process: one with JSON request logs (pino at `info`, written to /dev/null) and Prometheus metrics,
 * one with neither. Rounds alternate off/on so drift from other load on the machine falls on both alike; the
 * table prints each round and the medians. Besides req/s it prints the process's CPU time per request (client,
 * sandbox and gateway alike in both modes, so the difference is telemetry's), which other load on the machine
 * disturbs far less than wall-clock throughput. Figures, not assertions.
 *
 * Options: BENCH_PEOPLE (default 2000), BENCH_CONNECTIONS (20), BENCH_ITERATIONS (per round, 2000), BENCH_ROUNDS (3).
 */
import pino from 'pino';
import { Pool } from 'undici';
import { createApp } from '../../src/app';
import { createLogger } from '../../src/observability/logger';
import { silentLogger } from '../../src/logger';
import { defaultTimeouts } from '../../src/providers/kit/dispatcher';
import { defaultRetryPolicy } from '../../src/providers/kit/retry';
import { providerNames } from '../../src/registry';
import { createSandbox } from '../../src/sandbox/sandbox';
import { allSimulators } from '../../src/registry';
import { startGatewayServer, type GatewayServer } from '../../src/server/gateway-server';
import { envNumber } from './load';

const people = envNumber('BENCH_PEOPLE', 2000);
const connections = envNumber('BENCH_CONNECTIONS', 20);
const iterations = envNumber('BENCH_ITERATIONS', 2000);
const rounds = envNumber('BENCH_ROUNDS', 3);

async function main(): Promise<void> {
  const sandbox = await createSandbox({ port: 0, people, simulators: allSimulators });
  const providers = providerNames.map((name) => ({ name, mode: 'SANDBOX' as const, baseUrl: sandbox.baseUrls[name] as string, apiKey: 'bench-key' }));
  const http = { timeouts: defaultTimeouts, retry: defaultRetryPolicy };
  const logged = await createLogger({ level: 'info', pretty: false }, pino.destination({ dest: '/dev/null', sync: false }));
  const on = createApp({ providers, http, concurrency: 64, logger: logged });
  const off = createApp({ providers, http, concurrency: 64, logger: silentLogger, metrics: false });
  await Promise.all([on.ready, off.ready]);
  const servers = { on: await startGatewayServer(on, { port: 0, host: '127.0.0.1', graceMs: 1000 }), off: await startGatewayServer(off, { port: 0, host: '127.0.0.1', graceMs: 1000 }) };
  const ids = await customerIds(servers.off);
  console.log(`telemetry bench: ${people} people, ${ids.length} customer ids from all five providers, ${connections} connections, ${iterations} by-id reads per round, ${rounds} rounds each (alternating)`);
  console.log('round  telemetry  req/s   p50 ms  p99 ms  CPU ms/request');
  const results: Record<'on' | 'off', number[]> = { on: [], off: [] };
  const cpu: Record<'on' | 'off', number[]> = { on: [], off: [] };
  await run(servers.off, ids, Math.min(500, iterations)); // warm-up, both paths
  await run(servers.on, ids, Math.min(500, iterations));
  for (let round = 1; round <= rounds; round++) {
    for (const mode of ['off', 'on'] as const) {
      const result = await run(servers[mode], ids, iterations);
      results[mode].push(result.perSecond);
      cpu[mode].push(result.cpuMsPerRequest);
      console.log(
        `${String(round).padEnd(6)} ${mode.padEnd(10)} ${result.perSecond.toFixed(0).padStart(6)}  ${result.p50.toFixed(1).padStart(6)}  ${result.p99.toFixed(1).padStart(6)}  ${result.cpuMsPerRequest.toFixed(2).padStart(6)}`,
      );
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const cost = 1 - median(results.on) / median(results.off);
  console.log(`median req/s: off ${median(results.off).toFixed(0)}, on ${median(results.on).toFixed(0)}; logging + metrics cost ${(cost * 100).toFixed(1)}% of throughput`);
  const cpuCost = median(cpu.on) / median(cpu.off) - 1;
  console.log(`median CPU ms per request: off ${median(cpu.off).toFixed(2)}, on ${median(cpu.on).toFixed(2)}; logging + metrics cost ${(cpuCost * 100).toFixed(1)}% more CPU per request`);
  await Promise.all([servers.on.shutdown(), servers.off.shutdown()]);
  await Promise.all([on.close(), off.close()]);
  await sandbox.close();
  logged.flush();
}

async function customerIds(server: GatewayServer): Promise<string[]> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ customers(first: 100) { nodes { id } } }' }),
  });
  const body = (await response.json()) as { data: { customers: { nodes: { id: string }[] } } };
  return body.data.customers.nodes.map((node) => node.id);
}

async function run(server: GatewayServer, ids: string[], total: number) {
  const pool = new Pool(server.url, { connections });
  const durations: number[] = [];
  let next = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < total) {
        const id = ids[next++ % ids.length];
        const begin = performance.now();
        const response = await pool.request({
          method: 'POST',
          path: '/graphql',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: 'query ById($id: ID!) { customer(id: $id) { id name email createdAt } }', variables: { id } }),
        });
        const body = (await response.body.json()) as { errors?: unknown[] };
        if (response.statusCode !== 200 || body.errors !== undefined) throw new Error(`by-id read failed: ${JSON.stringify(body)}`);
        durations.push(performance.now() - begin);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuUsed = process.cpuUsage(cpuBefore);
  await pool.close();
  durations.sort((a, b) => a - b);
  const at = (p: number) => durations[Math.min(durations.length - 1, Math.floor(p * durations.length))] ?? 0;
  return { perSecond: total / seconds, p50: at(0.5), p99: at(0.99), cpuMsPerRequest: (cpuUsed.user + cpuUsed.system) / 1000 / total };
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
