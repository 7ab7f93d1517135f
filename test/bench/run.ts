/**
 * `npm run bench`: figures, not assertions. Starts the sandbox, the gateway and a plain graphql-yoga hello server
 * each in its own process, and drives them over HTTP with BENCH_CONNECTIONS connections from this one.
 *
 * Latency mode (default; BENCH_LATENCY_MS added to every provider call, default 0): per scenario the p50 of one
 * query alone and its ratio to the critical path (levels of dependent upstream calls × latency), then under load
 * p50, p99, req/s, upstream calls per query, % of the hello server's req/s, the gateway's CPU milliseconds per
 * query and the hello server's CPU per query as a share of it (the figure that holds up on a machine shared with
 * other work, where req/s mostly measures the neighbours), and the gateway's RSS. Under each Polar scenario a
 * `floor: bare calls` row gives the same figures for `floor-server.ts`: graphql-yoga making the same provider calls
 * with bare undici and nothing else (BENCH_FLOOR=off leaves it out). It is what any gateway must spend on this
 * machine, so the gap between the two rows is the gateway's own cost.
 * Rate-limit mode (BENCH_RATE_LIMIT=100): the sandbox enforces that many Polar calls per second, the gateway's
 * Polar budget is set to the same (as for live Polar), and one-call Polar reads run for BENCH_SECONDS: errors
 * surfaced to callers, share of Polar calls answered 429 and share of the limit used. BENCH_GATEWAY_RATE_LIMIT
 * sets the gateway's budget apart (e.g. `unlimited`, to watch the budget learn the limit from 429s);
 * BENCH_RATE_TIMELINE=1 adds how the 429s were spread over the run (per 100 answers, longest run).
 *
 * Options: BENCH_PEOPLE (default 20000), BENCH_CONNECTIONS (50), BENCH_ITERATIONS (per scenario under load, 400),
 * BENCH_WARMUP (queries of each scenario, and as many of `{ hello }` per scenario, before anything is measured: 2000),
 * BENCH_SINGLE (queries run alone per scenario, 20), BENCH_ROUNDS (1; RSS per round), BENCH_SECONDS (10),
 * BENCH_ONLY (comma-separated parts of scenario names to run), BENCH_CPU_PROF_DIR (write the gateway's `--cpu-prof` profile there). The gateway reads every other setting
 * (PROVIDER_CONCURRENCY, HTTP_CONNECTIONS_PER_ORIGIN, …) from the environment as `npm start` does.
 */
import { Pool } from 'undici';
import { providerNames } from '../../src/providers/provider-names';
import { startChild, type Child } from './child';
import { benchScenarios, body, cell, chosen, cpuMs, envNumber, latencyCells, load, percentile, post, rssMb } from './load';
import { SandboxClient } from './sandbox-client';

const people = envNumber('BENCH_PEOPLE', 20_000);
const connections = envNumber('BENCH_CONNECTIONS', 50);
const iterations = envNumber('BENCH_ITERATIONS', 400);
const singles = envNumber('BENCH_SINGLE', 20);
const rounds = envNumber('BENCH_ROUNDS', 1);
const latencyMs = envNumber('BENCH_LATENCY_MS', 0);
const rateLimit = process.env.BENCH_RATE_LIMIT === undefined ? null : Number(process.env.BENCH_RATE_LIMIT);
const seconds = envNumber('BENCH_SECONDS', 10);
// Queries per scenario before its figures are taken: until the JIT has compiled the hot path, CPU per query runs
// 30-100 % above what it settles at (`{ __typename }` measured 0.79 ms per query after 50, 0.40 after thousands).
const warmup = envNumber('BENCH_WARMUP', 2000);

async function main(): Promise<void> {
  const started = performance.now();
  const sandboxChild = await startChild('test/bench/sandbox-server.ts', { BENCH_PEOPLE: String(people) });
  const sandbox = new SandboxClient(sandboxChild.url);
  console.log(`sandbox: ${people} people seeded in ${Math.round(performance.now() - started)} ms`);
  // Reads are measured, not served from the read cache; the rate-limit mode budgets Polar like live Polar.
  const gatewayEnv: Record<string, string> = { BENCH_SANDBOX_URLS: JSON.stringify(await sandbox.baseUrls()) };
  // BENCH_READ_CACHE=on keeps the read cache as `npm start` has it (30 s by default): repeated reads are then hits.
  if (process.env.BENCH_READ_CACHE !== 'on') for (const name of providerNames) gatewayEnv[`${name.toUpperCase()}_CACHE_TTL_MS`] = '0';
  const gatewayRateLimit = process.env.BENCH_GATEWAY_RATE_LIMIT ?? (rateLimit === null ? null : String(rateLimit));
  if (gatewayRateLimit !== null) gatewayEnv.POLAR_RATE_LIMIT = gatewayRateLimit;
  // V8 flags for the gateway alone, not the sandbox: by default the ones `npm start` runs it with.
  const gatewayFlags = (process.env.BENCH_GATEWAY_NODE_OPTIONS ?? '--max-semi-space-size=64').split(' ').filter((flag) => flag !== '');
  const gateway = await startChild('test/bench/gateway-server.ts', gatewayEnv, gatewayFlags);
  const hello = rateLimit === null ? await startChild('test/bench/hello-server.ts', {}) : null;
  const gatewayPool = new Pool(gateway.url, { connections, pipelining: 1 });
  const helloPool = hello === null ? null : new Pool(hello.url, { connections, pipelining: 1 });
  console.log(
    `gateway pid ${gateway.pid} ready; ${connections} connections, added latency ${latencyMs} ms` +
      `, PROVIDER_CONCURRENCY ${process.env.PROVIDER_CONCURRENCY ?? 'default'}, HTTP_CONNECTIONS_PER_ORIGIN ${process.env.HTTP_CONNECTIONS_PER_ORIGIN ?? 'default'}`,
  );
  try {
    if (rateLimit !== null) await rateLimitMode(sandbox, gatewayPool);
    else await latencyMode(sandbox, sandboxChild, gateway, gatewayPool, hello as Child, helloPool as Pool);
  } finally {
    await gatewayPool.close();
    await helloPool?.close();
    await gateway.stop();
    await hello?.stop();
    await sandboxChild.stop();
  }
}

async function latencyMode(sandbox: SandboxClient, sandboxChild: Child, gateway: Child, pool: Pool, hello: Child, helloPool: Pool): Promise<void> {
  const scenarios = await benchScenarios(pool);
  const measured = chosen(scenarios);
  // The floor (`floor-server.ts`) answers the Polar scenarios with bare calls: what any gateway must spend.
  const floor = process.env.BENCH_FLOOR !== 'off' && measured.some((scenario) => scenario.floor !== undefined)
    ? await startChild('test/bench/floor-server.ts', { BENCH_FLOOR_POLAR_URL: (await sandbox.baseUrls()).polar as string })
    : null;
  const floorPool = floor === null ? null : new Pool(floor.url, { connections, pipelining: 1 });
  try {
    if (latencyMs > 0) await sandbox.setFaults(Object.fromEntries(providerNames.map((name) => [name, { latencyMs }])));

    const helloBody = body('{ hello }');
    // Every server gets the same number of queries (BENCH_WARMUP per scenario) before anything is measured: a fresh
    // process answers its first 20,000 by-id reads 20-40 % slower per query than the next (compiling, sizing its
    // heap), the hello server as much.
    for (const scenario of measured) {
      await load(pool, scenario.body, warmup, connections);
      if (floorPool !== null && scenario.floor !== undefined) await load(floorPool, scenario.floor, warmup, connections);
    }
    await load(helloPool, helloBody, warmup * measured.length, connections);
    console.log('\nscenario           alone p50  ÷ critical   p50 ms   p99 ms    req/s  % hello  upstream/q  CPU ms/q  % hello  errors  server RSS MB  sandbox CPU ms/q');
    for (let round = 1; round <= rounds; round++) {
      if (rounds > 1) console.log(`round ${round}`);
      const helloCpuBefore = cpuMs(hello.pid);
      const helloRun = await load(helloPool, helloBody, iterations * 4, connections);
      const helloCpu = (cpuMs(hello.pid) - helloCpuBefore) / helloRun.durations.length;
      const helloRate = helloRun.durations.length / helloRun.seconds;
      console.log(row('hello (plain yoga)', latencyCells(null, 0, latencyMs, helloRun, helloRate), helloRun, 100, 0, helloCpu, 100, hello.pid, null));
      const measure = async (name: string, server: Child, serverPool: Pool, payload: string, levels: number) => {
        await load(serverPool, payload, Math.max(warmup, connections), connections);
        const alone = await load(serverPool, payload, singles, 1);
        await sandbox.clearRequests();
        const cpuBefore = cpuMs(server.pid);
        const sandboxCpuBefore = cpuMs(sandboxChild.pid);
        const loaded = await load(serverPool, payload, iterations, connections);
        const cpu = (cpuMs(server.pid) - cpuBefore) / iterations;
        const sandboxCpu = (cpuMs(sandboxChild.pid) - sandboxCpuBefore) / iterations;
        const upstream = (await sandbox.requests()).length / iterations;
        const rate = loaded.durations.length / loaded.seconds;
        const aloneP50 = percentile(alone.durations, 50);
        console.log(row(name, latencyCells(aloneP50, levels, latencyMs, loaded, rate), loaded, (rate / helloRate) * 100, upstream, cpu, (helloCpu / cpu) * 100, server.pid, sandboxCpu));
        if (loaded.failures > 0) console.log(`  first error: ${JSON.stringify(loaded.firstFailure).slice(0, 300)}`);
      };
      for (const scenario of measured) {
        await measure(scenario.name, gateway, pool, scenario.body, scenario.levels);
        if (floor !== null && floorPool !== null && scenario.floor !== undefined) await measure('  floor: bare calls', floor, floorPool, scenario.floor, scenario.levels);
      }
    }
  } finally {
    await floorPool?.close();
    await floor?.stop();
  }
}

function row(
  name: string,
  latency: string[],
  run: Awaited<ReturnType<typeof load>>,
  ofHello: number,
  upstream: number,
  cpu: number,
  ofHelloCpu: number,
  pid: number,
  sandboxCpu: number | null,
): string {
  return [
    name.padEnd(18),
    ...latency,
    cell(ofHello, 0, 7) + ' %',
    cell(upstream, 1, 10),
    cell(cpu, 2, 9),
    cell(ofHelloCpu, 0, 7) + ' %',
    String(run.failures).padStart(7),
    String(rssMb(pid)).padStart(14),
    cell(sandboxCpu, 2, 17),
  ].join(' ');
}

async function rateLimitMode(sandbox: SandboxClient, pool: Pool): Promise<void> {
  const limit = rateLimit as number;
  const page = await post(pool, body('{ customers(provider: POLAR, first: 100) { nodes { id } } }'));
  const polarIds = (page.data.customers.nodes as { id: string }[]).map((node) => node.id);
  await sandbox.setFaults({ polar: { rateLimitPerSecond: limit, ...(latencyMs > 0 ? { latencyMs } : {}) } });
  await sandbox.clearRequests();
  let next = 0;
  let queries = 0;
  let failures = 0;
  let firstFailure: unknown = null;
  const durations: number[] = [];
  const endAt = performance.now() + seconds * 1000;
  const wall = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < endAt) {
        const id = polarIds[next++ % polarIds.length];
        const begin = performance.now();
        const result = await post(pool, body('query($id: ID!) { customer(id: $id) { id email } }', { id })).catch((error: unknown) => ({ ok: false, errors: [String(error)], data: null }));
        durations.push(performance.now() - begin);
        queries++;
        if (!result.ok) {
          failures++;
          firstFailure ??= result.errors[0];
        }
      }
    }),
  );
  const elapsed = (performance.now() - wall) / 1000;
  durations.sort((a, b) => a - b);
  const polarCalls = (await sandbox.requests()).filter((entry) => entry.provider === 'polar');
  const throttled = polarCalls.filter((entry) => entry.status === 429).length;
  const answered = polarCalls.length - throttled;
  const budget = process.env.BENCH_GATEWAY_RATE_LIMIT ?? String(limit);
  console.log(`\nrate-limit mode: sandbox enforces Polar at ${limit}/s (burst ${Math.ceil(limit)}), gateway budget ${budget}/s; one-call Polar reads for ${seconds} s`);
  console.log('queries    q/s   p50 ms   p99 ms  errors  polar calls  429s  429 share  limit used');
  console.log(
    [
      String(queries).padStart(7),
      (queries / elapsed).toFixed(0).padStart(6),
      percentile(durations, 50).toFixed(0).padStart(8),
      percentile(durations, 99).toFixed(0).padStart(8),
      String(failures).padStart(7),
      String(polarCalls.length).padStart(12),
      String(throttled).padStart(5),
      `${((throttled / Math.max(1, polarCalls.length)) * 100).toFixed(2)} %`.padStart(10),
      `${((answered / elapsed / limit) * 100).toFixed(0)} %`.padStart(11),
    ].join(' '),
  );
  if (failures > 0) console.log(`first error: ${JSON.stringify(firstFailure).slice(0, 300)}`);
  if (process.env.BENCH_RATE_TIMELINE === '1') {
    // How the 429s were spread, in answer order: the share of each block of 100 answers, and the longest run.
    const shares: string[] = [];
    for (let start = 0; start < polarCalls.length; start += 100) {
      const block = polarCalls.slice(start, start + 100);
      shares.push(String(block.filter((entry) => entry.status === 429).length));
    }
    let run = 0;
    let longest = 0;
    for (const entry of polarCalls) {
      run = entry.status === 429 ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    console.log(`429s per 100 answers, in order: ${shares.join(' ')}; longest run of 429s: ${longest}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
