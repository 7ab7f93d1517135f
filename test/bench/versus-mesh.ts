/**
 * `npm run bench:mesh`: customer-graph side by side with GraphQL Mesh + Hive Gateway, the yardstick of #11, over one
 * sandbox on one machine. Mesh composes Polar's and Orb's official OpenAPI specs (`test/bench/mesh/mesh.config.ts`,
 * with a `state` field on Polar's customer that calls GET /v1/customers/{id}/state); Hive Gateway serves that in
 * one process. customer-graph runs twice: with its read cache off (every query reaches the providers, as every
 * Mesh query does) and as `npm start` ships it (read cache on, 30 s). Each server gets the same queries, rounds
 * alternating; every row prints the single-query p50 and its ratio to the critical path (levels of dependent calls
 * × latency), then p50, p99 and req/s at BENCH_CONNECTIONS, req/s as a multiple of Mesh's, CPU per query and RSS.
 *
 * Mesh is not a dependency of customer-graph: install it once with `npm --prefix test/bench/mesh ci`.
 * Environment: BENCH_LATENCY_MS (20), BENCH_ROUNDS (2), BENCH_ITERATIONS (1500 queries per row),
 * BENCH_SINGLE (20), BENCH_WARMUP (500 per server and scenario), BENCH_CONNECTIONS (50), BENCH_PEOPLE (20000),
 * BENCH_ONLY (scenarios whose names contain one of these comma-separated words).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Pool } from 'undici';
import { providerNames } from '../../src/providers/provider-names';
import { freePort } from '../support/free-port';
import { startChild } from './child';
import { body, cell, chosen, cpuMs, envNumber, gatewayQueries, latencyCells, load, percentile, post, rssMb } from './load';
import { SandboxClient } from './sandbox-client';

const latencyMs = envNumber('BENCH_LATENCY_MS', 20);
const rounds = envNumber('BENCH_ROUNDS', 2);
const iterations = envNumber('BENCH_ITERATIONS', 1500);
const singles = envNumber('BENCH_SINGLE', 20);
const warmup = envNumber('BENCH_WARMUP', 500);
const connections = envNumber('BENCH_CONNECTIONS', 50);
const people = envNumber('BENCH_PEOPLE', 20_000);

const meshDir = resolve('test/bench/mesh');
const meshBin = (path: string) => join(meshDir, 'node_modules', path);
const composeBin = meshBin('@graphql-mesh/compose-cli/esm/bin.js');
const gatewayBin = meshBin('@graphql-hive/gateway/dist/bin.js');

interface Server {
  name: string;
  pid: number;
  pool: Pool;
}

interface Scenario {
  name: string;
  levels: number;
  customerGraph: string;
  mesh: string;
}

// Polar answers with unions (a customer is an individual or a team; an error type beside each), hence the fragments.
const polarFields = (fields: string) => `... on CustomerIndividual { ${fields} } ... on CustomerTeam { ${fields.replace('email', 'team_email: email')} }`;
const polarState = 'state { ... on CustomerStateIndividual { active_subscriptions { id } granted_benefits { benefit_id } } ... on CustomerStateTeam { active_subscriptions { id } granted_benefits { benefit_id } } }';
const polarPage = (fields: string) => `{ customers_list(limit: 20, page: 1) { ... on ListResource_LEFT_SQUARE_BRACE_Customer_RIGHT_SQUARE_BRACE_ { items { ${polarFields(fields)} } } } }`;

function scenarios(polarId: string, orbId: string): Scenario[] {
  return [
    {
      name: 'polar by id',
      levels: 1,
      customerGraph: body(gatewayQueries.byId, { id: `polar:${polarId}` }),
      mesh: body(`query($id: String!) { customers_get(id: $id) { ${polarFields('id email name created_at')} } }`, { id: polarId }),
    },
    {
      name: 'polar page 20',
      levels: 1,
      customerGraph: body(gatewayQueries.page20('POLAR')),
      mesh: body(polarPage('id email name')),
    },
    {
      name: 'polar 20 + state',
      levels: 2,
      customerGraph: body(gatewayQueries.polar20WithState),
      mesh: body(polarPage(`id ${polarState}`)),
    },
    {
      name: 'orb by id',
      levels: 1,
      customerGraph: body(gatewayQueries.byId, { id: `orb:${orbId}` }),
      mesh: body('query($id: String!) { fetch_customer(customer_id: $id) { id email name created_at } }', { id: orbId }),
    },
    {
      // The 2023 Orb spec gives its list no arguments: Orb's default page, 20.
      name: 'orb page 20',
      levels: 1,
      customerGraph: body(gatewayQueries.page20('ORB')),
      mesh: body('{ list_customers { data { id email name } } }'),
    },
  ];
}

/** Starts a Mesh tool under this Node, in the Mesh folder (where its configuration files are). */
function run(script: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [script, ...args], { cwd: meshDir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

async function compose(out: string, baseUrls: Record<string, string>): Promise<void> {
  const child = run(composeBin, ['-o', out], {
    MESH_POLAR_URL: baseUrls.polar as string,
    MESH_ORB_URL: baseUrls.orb as string,
    MESH_SPECS_DIR: resolve('../shared/providers/specs'),
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  if (code !== 0) throw new Error(`mesh-compose failed (exit ${code}):\n${output.slice(-2000)}`);
}

async function startMesh(supergraph: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = run(gatewayBin, ['supergraph', supergraph, '-c', 'gateway.config.ts', '--host', '127.0.0.1', '--port', String(port), '--fork', '1'], {
    NODE_ENV: 'production',
  });
  // Its last words are kept for the error should it exit before answering.
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`hive-gateway exited with ${child.exitCode}:\n${output}`);
    const ready = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body('{ __typename }') }).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { child, url };
    if (Date.now() > until) throw new Error('hive-gateway did not answer within 60 s');
    await new Promise((done) => setTimeout(done, 250));
  }
}

/** The first individual Polar customer and the first Orb customer, read from the sandbox. */
async function sampleIds(baseUrls: Record<string, string>): Promise<{ polarId: string; orbId: string }> {
  const read = async (url: string) => (await fetch(url, { headers: { authorization: 'Bearer bench' } })).json() as Promise<Record<string, unknown>>;
  const polar = (await read(`${baseUrls.polar}/v1/customers/?limit=20`)).items as { id: string; type: string }[];
  const orb = (await read(`${baseUrls.orb}/customers`)).data as { id: string }[];
  const individual = polar.find((customer) => customer.type === 'individual');
  if (individual === undefined || orb[0] === undefined) throw new Error('the sandbox has no Polar individual or no Orb customer to read');
  return { polarId: individual.id, orbId: orb[0].id };
}

async function main(): Promise<void> {
  if (!existsSync(gatewayBin) || !existsSync(composeBin)) {
    console.error('Mesh is not installed: run `npm --prefix test/bench/mesh ci` once, then `npm run bench:mesh` again.');
    process.exitCode = 1;
    return;
  }
  const stops: (() => Promise<void> | void)[] = [];
  const pools: Pool[] = [];
  const work = mkdtempSync(join(tmpdir(), 'bench-mesh-'));
  try {
    const sandboxChild = await startChild('test/bench/sandbox-server.ts', { BENCH_PEOPLE: String(people) });
    stops.push(sandboxChild.stop);
    const sandbox = new SandboxClient(sandboxChild.url);
    const baseUrls = await sandbox.baseUrls();

    const supergraph = join(work, 'supergraph.graphql');
    const composing = performance.now();
    await compose(supergraph, baseUrls);
    console.log(`mesh: composed in ${Math.round(performance.now() - composing)} ms`);
    const mesh = await startMesh(supergraph);
    stops.push(
      () =>
        new Promise<void>((done) => {
          if (mesh.child.exitCode !== null) return done();
          mesh.child.once('exit', () => done());
          mesh.child.kill('SIGTERM');
        }),
    );

    const gatewayEnv = { BENCH_SANDBOX_URLS: JSON.stringify(baseUrls) };
    const cacheOff = Object.fromEntries(providerNames.map((name) => [`${name.toUpperCase()}_CACHE_TTL_MS`, '0']));
    const flags = ['--max-semi-space-size=64'];
    const uncached = await startChild('test/bench/gateway-server.ts', { ...gatewayEnv, ...cacheOff }, flags);
    stops.push(uncached.stop);
    const shipped = await startChild('test/bench/gateway-server.ts', gatewayEnv, flags);
    stops.push(shipped.stop);

    const server = (name: string, pid: number, url: string): Server => {
      const pool = new Pool(url, { connections, pipelining: 1 });
      pools.push(pool);
      return { name, pid, pool };
    };
    const meshServer = server('  mesh + hive', mesh.child.pid as number, mesh.url);
    const servers = [meshServer, server('  cg, cache off', uncached.pid, uncached.url), server('  cg, as shipped', shipped.pid, shipped.url)];

    const { polarId, orbId } = await sampleIds(baseUrls);
    const measured = chosen(scenarios(polarId, orbId));
    // Every query answers without errors on every server before anything is measured.
    for (const scenario of measured) {
      for (const target of servers) {
        const answer = await post(target.pool, target === meshServer ? scenario.mesh : scenario.customerGraph);
        if (!answer.ok) throw new Error(`${scenario.name} on${target.name}: ${JSON.stringify(answer.errors).slice(0, 500)}`);
      }
    }
    if (latencyMs > 0) await sandbox.setFaults(Object.fromEntries(providerNames.map((name) => [name, { latencyMs }])));
    for (const scenario of measured) {
      for (const target of servers) await load(target.pool, target === meshServer ? scenario.mesh : scenario.customerGraph, warmup, connections);
    }

    console.log(`\n${connections} connections, ${latencyMs} ms at every provider, ${iterations} queries a row, ${rounds} round(s)`);
    console.log('scenario              alone p50  ÷ critical   p50 ms   p99 ms    req/s  × mesh  CPU ms/q  errors  RSS MB');
    for (let round = 1; round <= rounds; round++) {
      if (rounds > 1) console.log(`round ${round}`);
      for (const scenario of measured) {
        console.log(scenario.name);
        let meshRate: number | null = null;
        for (const target of servers) {
          const rate = await measure(target, target === meshServer ? scenario.mesh : scenario.customerGraph, scenario.levels, meshRate);
          if (target === meshServer) meshRate = rate;
        }
      }
    }
  } finally {
    await Promise.all(pools.map((pool) => pool.close()));
    for (const stop of stops.reverse()) await stop();
    rmSync(work, { recursive: true, force: true });
  }
}

/** One row: the query alone (BENCH_SINGLE times, one after another), then under load; returns the req/s. */
async function measure(target: Server, payload: string, levels: number, meshRate: number | null): Promise<number> {
  const alone = await load(target.pool, payload, singles, 1);
  const cpuBefore = cpuMs(target.pid);
  const loaded = await load(target.pool, payload, iterations, connections);
  const cpu = (cpuMs(target.pid) - cpuBefore) / iterations;
  const rate = loaded.durations.length / loaded.seconds;
  console.log(
    [
      target.name.padEnd(21),
      ...latencyCells(percentile(alone.durations, 50), levels, latencyMs, loaded, rate),
      cell(meshRate === null ? null : rate / meshRate, 2, 7),
      cell(cpu, 2, 9),
      String(loaded.failures + alone.failures).padStart(7),
      String(rssMb(target.pid)).padStart(7),
    ].join(' '),
  );
  if (loaded.failures > 0) console.log(`  first error: ${JSON.stringify(loaded.firstFailure).slice(0, 300)}`);
  return rate;
}

await main();
