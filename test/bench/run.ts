/**
 * `npm run bench`: figures, not assertions. Seeds the sandbox at scale, builds the identity index, then runs the
 * gateway in-process (yoga.fetch) against the sandbox on loopback and prints one row per scenario: latency
 * percentiles, throughput, upstream calls per query (from the sandbox's request log) and heap in use.
 * Bounded: every scenario runs a fixed number of iterations. Options: BENCH_PEOPLE (default 100000),
 * BENCH_ITERATIONS (default 200), BENCH_CONCURRENCY (default 8), BENCH_LATENCY_MS (added per provider call, default 0).
 */
import { createApp } from '../../src/app';
import { silentLogger } from '../../src/logger';
import { defaultRetryPolicy } from '../../src/providers/kit/retry';
import { providerNames } from '../../src/providers/provider-names';
import { createSandbox } from '../../src/sandbox/sandbox';
import { allSimulators } from '../../src/registry';

const people = Number(process.env.BENCH_PEOPLE ?? 100_000);
const iterations = Number(process.env.BENCH_ITERATIONS ?? 200);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 0);

const heapMb = () => Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function main(): Promise<void> {
  console.log(`benchmark: ${people} people, ${iterations} iterations per scenario, concurrency ${concurrency}, added latency ${latencyMs} ms`);
  let started = performance.now();
  const sandbox = await createSandbox({ port: 0, people, simulators: allSimulators });
  const counts = sandbox.customerCounts();
  console.log(`seed          ${Math.round(performance.now() - started)} ms for ${Object.values(counts).reduce((a, b) => a + b, 0)} customers ${JSON.stringify(counts)}, heap ${heapMb()} MB`);

  started = performance.now();
  const app = createApp({
    providers: providerNames.map((name) => ({ name, mode: 'SANDBOX' as const, baseUrl: sandbox.baseUrls[name] as string, apiKey: 'bench' })),
    http: { timeouts: { connectMs: 3000, headersMs: 30_000, bodyMs: 30_000 }, retry: defaultRetryPolicy },
    concurrency: 16,
    logger: silentLogger,
  });
  await app.ready;
  const indexCalls = sandbox.requests().length;
  console.log(`index         ${Math.round(performance.now() - started)} ms, ${indexCalls} list calls, heap ${heapMb()} MB`);
  if (latencyMs > 0) sandbox.setFaults(Object.fromEntries(providerNames.map((name) => [name, { latencyMs }])));

  const post = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await app.yoga.fetch('http://bench/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 300));
    return body.data;
  };

  const syncteraIds: string[] = (await post(`{ customers(provider: SYNCTERA, first: 50) { nodes { id } } }`)).customers.nodes.map((node: { id: string }) => node.id);
  const mixedIds: string[] = (await post(`{ customers(first: 50) { nodes { id } } }`)).customers.nodes.map((node: { id: string }) => node.id);

  const scenarios: [string, () => Promise<unknown>][] = [
    ['nodes 50 synctera', () => post(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: syncteraIds })],
    ['nodes 50 mixed', () => post(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: mixedIds })],
    ['polar 20 + state', () => post(`{ customers(provider: POLAR, first: 20) { nodes { id state { subscriptions { id } } entitlements { featureId } } } }`)],
    ['merged page 50', () => post(`{ customers(first: 50) { edges { cursor node { id name } } } }`)],
    ['profile', () => post(`{ profile(externalId: "user_000003") { customers { id } entitlements { featureId } } }`)],
    ['check entitlement', () => post(`{ checkEntitlement(externalId: "user_000001", provider: STIGG, featureId: "feature-seats", requestedUsage: 1) { hasAccess } }`)],
  ];

  console.log('\nscenario            p50 ms   p95 ms   p99 ms   req/s   upstream/query   heap MB');
  for (const [name, run] of scenarios) {
    await run();
    sandbox.clearRequests();
    const durations: number[] = [];
    let next = 0;
    const wall = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < iterations) {
          next++;
          const begin = performance.now();
          await run();
          durations.push(performance.now() - begin);
        }
      }),
    );
    const seconds = (performance.now() - wall) / 1000;
    durations.sort((a, b) => a - b);
    const calls = sandbox.requests().length / durations.length;
    console.log(
      `${name.padEnd(18)} ${percentile(durations, 50).toFixed(1).padStart(7)} ${percentile(durations, 95).toFixed(1).padStart(8)} ${percentile(durations, 99).toFixed(1).padStart(8)} ${(durations.length / seconds).toFixed(0).padStart(7)} ${calls.toFixed(1).padStart(16)} ${String(heapMb()).padStart(9)}`,
    );
  }
  await app.close();
  await sandbox.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
