/**
 * `npm run bench:start`: the product as `npm start` runs it, measured from outside. Builds `dist/`, starts
 * `node --max-semi-space-size=64 dist/main.js` on free ports with its embedded sandbox (on its own thread), JSON
 * request logs at `info` and `/metrics`, exactly as a fresh clone has them, adds BENCH_LATENCY_MS (20) to every
 * provider call through `PUT /__sandbox/faults`, and drives each scenario with BENCH_CONNECTIONS (50) connections.
 * Per scenario: p50 of the query alone and its ratio to the critical path, then under load p50, p99, req/s, and the
 * process's CPU milliseconds per query (the gateway and its sandbox thread together: they share the process), RSS, and
 * req/s as a share of a plain graphql-yoga `{ hello }` server's in its own process (`hello-server.ts`), measured
 * with the same connections (and three times the count) right before each scenario, so both see the machine as it
 * is at that moment.
 *
 * The read cache is on, as `npm start` has it (repeated reads are served from it); BENCH_READ_CACHE=off sets every
 * `<PROVIDER>_CACHE_TTL_MS` to 0 so each query reaches the providers. Other options: BENCH_PEOPLE (5000),
 * BENCH_ITERATIONS (1500 per scenario under load), BENCH_WARMUP (2000 queries of each scenario before anything is
 * measured, and as many of `{ hello }`), BENCH_SINGLE (30), BENCH_ONLY.
 */
import { spawn, execFileSync } from 'node:child_process';
import { Pool } from 'undici';
import { providerNames } from '../../src/providers/provider-names';
import { freePort } from '../support/free-port';
import { startChild } from './child';
import { benchScenarios, body, cell, chosen, cpuMs, envNumber, latencyCells, load, percentile, rssMb } from './load';
import { SandboxClient } from './sandbox-client';

const latencyMs = envNumber('BENCH_LATENCY_MS', 20);
const connections = envNumber('BENCH_CONNECTIONS', 50);
const iterations = envNumber('BENCH_ITERATIONS', 1500);
const warmup = envNumber('BENCH_WARMUP', 2000);

const singles = envNumber('BENCH_SINGLE', 30);
/** Of `npm run bench`'s scenarios, the ones that reach providers and matter most as shipped. */
const SCENARIOS = ['typename only', 'polar by id', 'orb by id', 'polar page 20', 'orb page 20', 'polar 20 + state', 'nodes 10 mixed', 'profile + entitl.'];

async function startProduct(port: number, sandboxPort: number): Promise<{ pid: number; stop: () => Promise<void> }> {
  const env: Record<string, string> = { ...process.env, PORT: String(port), SANDBOX_PORT: String(sandboxPort), SANDBOX_PEOPLE: String(envNumber('BENCH_PEOPLE', 5000)) } as Record<string, string>;
  if (process.env.BENCH_READ_CACHE === 'off') for (const name of providerNames) env[`${name.toUpperCase()}_CACHE_TTL_MS`] = '0';
  const child = spawn(process.execPath, ['--max-semi-space-size=64', 'dist/main.js'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`dist/main.js exited with ${code} before it was ready`)));
    let printed = '';
    // Read everything it prints (the request log too): a pipe nobody reads would stall the process.
    child.stdout.on('data', (chunk: Buffer) => {
      if (printed === 'ready') return;
      printed += chunk.toString();
      if (printed.includes('customer-graph: GraphQL')) {
        printed = 'ready';
        child.removeAllListeners('exit');
        resolve();
      }
    });
  });
  return {
    pid: child.pid as number,
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function main(): Promise<void> {
  execFileSync('npm', ['run', 'build'], { stdio: 'ignore' });
  const [port, sandboxPort] = [await freePort(), await freePort()];
  const product = await startProduct(port, sandboxPort);
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections, pipelining: 1 });
  const hello = await startChild('test/bench/hello-server.ts', {});
  const helloPool = new Pool(hello.url, { connections, pipelining: 1 });
  const helloBody = body('{ hello }');
  try {
    const scenarios = chosen((await benchScenarios(pool)).filter((scenario) => SCENARIOS.includes(scenario.name)));
    const faults = Object.fromEntries(providerNames.map((name) => [name, { latencyMs }]));
    await new SandboxClient(`http://127.0.0.1:${sandboxPort}`).setFaults(faults);
      // Both servers get the same number of queries (BENCH_WARMUP per scenario) before anything is measured: a fresh
    // process answers its first 20,000 by-id reads 20-40 % slower per query than the next (compiling, sizing its
    // heap), the hello server as much.
    for (const scenario of scenarios) await load(pool, scenario.body, warmup, connections);
    await load(helloPool, helloBody, warmup * scenarios.length, connections);
    console.log(`npm start (dist/main.js, pid ${product.pid}); ${connections} connections, added latency ${latencyMs} ms, read cache ${process.env.BENCH_READ_CACHE === 'off' ? 'off' : 'on'}`);
    console.log('scenario           alone p50  ÷ critical   p50 ms   p99 ms    req/s  % hello  CPU ms/q  errors  RSS MB');
    for (const scenario of scenarios) {
      await load(pool, scenario.body, warmup, connections);
      const alone = await load(pool, scenario.body, singles, 1);
      // Three times the count: the hello server answers it in a fraction of a second, where one stall moves the rate.
      const helloRun = await load(helloPool, helloBody, iterations * 3, connections);
      const helloRate = (iterations * 3) / helloRun.seconds;
      const cpuBefore = cpuMs(product.pid);
      const loaded = await load(pool, scenario.body, iterations, connections);
      const cpu = (cpuMs(product.pid) - cpuBefore) / iterations;
      const rate = iterations / loaded.seconds;
      const cells = [
        scenario.name.padEnd(18),
        ...latencyCells(percentile(alone.durations, 50), scenario.levels, latencyMs, loaded, rate),
        `${((rate / helloRate) * 100).toFixed(0)} %`.padStart(8),
        cell(cpu, 2, 9),
        String(loaded.failures).padStart(7),
        String(rssMb(product.pid)).padStart(7),
      ];
      console.log(cells.join(' '));
      if (loaded.failures > 0) console.log(`  first error: ${JSON.stringify(loaded.firstFailure).slice(0, 300)}`);
    }
  } finally {
    await Promise.all([pool.close(), helloPool.close()]);
    await Promise.all([product.stop(), hello.stop()]);
  }
}

await main();
