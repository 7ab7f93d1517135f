/**
 * `npm run bench:faults`: the issue's fault goals as figures, not assertions. The sandbox and the gateway run in
 * this process (the gateway reached through `yoga.fetch`), with production fault settings (5 s deadline, 1 s read
 * attempts, hedging on, breakers at 10 failures / 70 %, 5 s open) unless the environment says otherwise.
 *
 * 1. Fault mix: every provider 20 % 503, 10 % 429 with Retry-After: 1, 5 % hung; 350 reads of five shapes, 10 at
 *    a time: share answered fully within 3 s, share answered within the deadline, p50, p99, max.
 * 2. One provider hung (Polar): a query over all five answers the other four's parts in how long, right after the
 *    fault mix (the gateway knows every provider's latency) and cold (a fresh gateway).
 * 3. One provider dead (Polar, every call 503 or hung): when its breaker opens, probes that reach it afterwards,
 *    fast-fail latency, the others' p99 before and after, and recovery after the provider comes back.
 * 4. Writes under 20 % 503, 5 % hung and 15 % lost answers (body cut after the write): 40 creates per provider,
 *    each retried by its client with the same key until a definite answer; duplicates, lost creates and false
 *    conflicts per provider.
 *
 * Options: BENCH_PEOPLE (default 2000), BENCH_READS (350), BENCH_WRITES (40 per provider), BENCH_DEAD_SECONDS (12),
 * BENCH_MIX_429_RATE (0.1), BENCH_ONLY (all, mix, hung, dead or writes), BENCH_TRACE=1 (the slowest and the partial fault-mix reads
 * with their errors and failed upstream attempts), BENCH_STEADY_BUDGET=1 (rate budgets that never
 * slow down on a 429: shows how much of the fault-mix figures the adaptive budget accounts for).
 */
import { print } from 'graphql';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/observability/logger';
import { providerNames } from '../../src/providers/provider-names';
import { createSandbox, type Sandbox } from '../../src/sandbox/sandbox';
import { allSimulators } from '../../src/registry';
import { CreateCustomerDocument } from '../generated/graphql';
import { envNumber } from './load';

const people = envNumber('BENCH_PEOPLE', 2000);
const readCount = envNumber('BENCH_READS', 350);
const writeCount = envNumber('BENCH_WRITES', 40);
const deadSeconds = envNumber('BENCH_DEAD_SECONDS', 12);
const rateLimitRate = envNumber('BENCH_MIX_429_RATE', 0.1);
const only = process.env.BENCH_ONLY ?? 'all';
/** BENCH_TRACE=1: after the fault mix, what the slowest reads' failed upstream attempts were (from the gateway's own warn lines). */
const trace = process.env.BENCH_TRACE === '1';
const traced: { requestId?: string; provider?: string; status?: number | null; error?: string; attempt?: number; durationMs?: number; time?: string }[] = [];
const traceLogger = trace ? await createLogger({ level: 'warn', pretty: false }, { write: (line: string) => void traced.push(JSON.parse(line)) }) : undefined;

type Result = { data?: any; errors?: { extensions?: { code?: string; provider?: string } }[] };
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const ms = (value: number) => `${Math.round(value)} ms`;
const pct = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(1)} %`;
const sleep = (time: number) => new Promise((resolve) => setTimeout(resolve, time));

async function gateway(sandbox: Sandbox): Promise<App> {
  const config = loadConfig(process.env);
  const app = createApp({
    providers: providerNames.map((name) => ({ name, mode: 'SANDBOX' as const, baseUrl: sandbox.baseUrls[name] as string, apiKey: 'bench-key' })),
    http: config.http,
    concurrency: config.concurrency,
    metrics: false,
    ...(traceLogger === undefined ? {} : { logger: traceLogger }),
    // Diagnostic: a budget that never slows down, to separate the adaptive rate budget's share of the figures.
    ...(process.env.BENCH_STEADY_BUDGET === '1' ? { rateBudget: { acquire: async () => undefined, onThrottled: () => undefined } } : {}),
  });
  await app.ready;
  return app;
}

async function run(app: App, query: string, variables: Record<string, unknown> = {}, requestId?: string): Promise<{ result: Result; ms: number }> {
  const started = performance.now();
  const response = await app.yoga.fetch('http://gateway.bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(requestId === undefined ? {} : { 'x-request-id': requestId }) },
    body: JSON.stringify({ query, variables }),
  });
  const result = (await response.json()) as Result;
  return { result, ms: performance.now() - started };
}

async function pool<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++] as T);
  }));
}

const PROFILE = 'query ($x: String!) { profile(externalId: $x) { customers { id provider } } }';

async function faultMix(sandbox: Sandbox, app: App): Promise<void> {
  const ids = (await run(app, '{ customers(first: 60) { nodes { id } } }')).result.data.customers.nodes.map((node: { id: string }) => node.id) as string[];
  const shapes: { name: string; query: string; variables: (index: number) => Record<string, unknown> }[] = [
    { name: 'customer', query: 'query ($id: ID!) { customer(id: $id) { id email name } }', variables: (index) => ({ id: ids[index % ids.length] }) },
    { name: 'customers', query: '{ customers(first: 10) { nodes { id email } } }', variables: () => ({}) },
    { name: 'profile', query: PROFILE, variables: (index) => ({ x: `user_${String((index % 5) + 1).padStart(6, '0')}` }) },
    { name: 'nodes10', query: 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: (index) => ({ ids: Array.from({ length: 10 }, (_, offset) => ids[(index + offset * 5) % ids.length]) }) },
    { name: 'state', query: 'query ($id: ID!) { customer(id: $id) { id state { balance { amount } verification } } }', variables: (index) => ({ id: ids[(index * 7) % ids.length] }) },
  ];
  const faults = { errorRate: 0.2, errorStatus: 503, rateLimitRate, retryAfterSeconds: 1, hangRate: 0.05 };
  sandbox.setFaults(Object.fromEntries(providerNames.map((name) => [name, faults])));
  const samples: { shape: string; ms: number; full: boolean; id: string; codes: string[] }[] = [];
  await pool(Array.from({ length: readCount }, (_, index) => index), 10, async (index) => {
    const shape = shapes[index % shapes.length]!;
    const id = `mix${index}`;
    const { result, ms: took } = await run(app, shape.query, shape.variables(index), id);
    const codes = (result.errors ?? []).map((error) => `${error.extensions?.provider ?? '?'} ${error.extensions?.code ?? '?'}`);
    samples.push({ shape: shape.name, ms: took, full: (result.errors ?? []).length === 0 && result.data != null, id, codes });
  });
  sandbox.setFaults({});
  const all = samples.map((sample) => sample.ms);
  console.log(`\n1. Fault mix (every provider 20 % 503, ${Math.round(rateLimitRate * 100)} % 429 Retry-After 1 s, 5 % hung), ${samples.length} reads, 10 at a time`);
  console.log(`   fully answered within 3 s: ${pct(samples.filter((sample) => sample.full && sample.ms <= 3000).length, samples.length)}; answered within the 5 s deadline: ${pct(all.filter((value) => value <= 5000).length, all.length)}`);
  console.log(`   all: p50 ${ms(percentile(all, 50))}, p99 ${ms(percentile(all, 99))}, max ${ms(Math.max(...all))}`);
  for (const shape of shapes) {
    const mine = samples.filter((sample) => sample.shape === shape.name);
    const durations = mine.map((sample) => sample.ms);
    console.log(`   ${shape.name.padEnd(9)} full within 3 s ${pct(mine.filter((sample) => sample.full && sample.ms <= 3000).length, mine.length).padStart(7)}, p50 ${ms(percentile(durations, 50))}, p99 ${ms(percentile(durations, 99))}`);
  }
  if (trace) {
    console.log('   slowest reads and their failed upstream attempts (provider status/error@attempt duration):');
    const slowest = [...samples].sort((a, b) => b.ms - a.ms).slice(0, 12);
    const partial = samples.filter((sample) => !sample.full && !slowest.includes(sample));
    for (const sample of [...slowest, ...partial]) {
      const failed = traced.filter((line) => line.requestId === sample.id).map((line) => `${line.provider} ${line.status ?? line.error}@${line.attempt} ${line.durationMs}ms`);
      console.log(`   ${ms(sample.ms).padStart(8)} ${sample.shape.padEnd(9)} ${sample.full ? 'full   ' : `partial (${sample.codes.join(', ')})`} ${failed.join(', ')}`);
    }
  }
}

async function oneHung(sandbox: Sandbox, app: App, when: string): Promise<void> {
  sandbox.setFaults({ polar: { hangRate: 1 } });
  const durations: number[] = [];
  let othersComplete = 0;
  await pool(Array.from({ length: 40 }, (_, index) => index), 5, async (index) => {
    const { result, ms: took } = await run(app, PROFILE, { x: `user_${String((index % 5) + 1).padStart(6, '0')}` });
    durations.push(took);
    if ((result.data?.profile?.customers ?? []).length === 4) othersComplete++;
  });
  sandbox.setFaults({});
  console.log(`\n2. One provider hung (Polar never answers), ${when}: profile over all five, 40 queries, 5 at a time`);
  console.log(`   other four providers' parts present: ${othersComplete}/40; latency p50 ${ms(percentile(durations, 50))}, p99 ${ms(percentile(durations, 99))}, max ${ms(Math.max(...durations))}; first query ${ms(durations[0] ?? 0)}`);
}

async function oneDead(sandbox: Sandbox, app: App, kind: 'hung' | '503'): Promise<void> {
  const health = app.gateway.resilience.for('polar');
  const before: number[] = [];
  for (let index = 0; index < 20; index++) before.push((await run(app, '{ customers(provider: ORB, first: 5) { nodes { id } } }')).ms);
  const start = performance.now();
  sandbox.setFaults({ polar: kind === 'hung' ? { hangRate: 1 } : { errorRate: 1, errorStatus: 503 } });
  sandbox.clearRequests();
  let openedAt: number | null = null;
  const fast: number[] = [];
  const others: number[] = [];
  let revivedAt: number | null = null;
  let closedAt: number | null = null;
  let stop = false;
  const drive = async () => {
    while (!stop) {
      const { ms: took } = await run(app, '{ customers(provider: POLAR, first: 5) { nodes { id } } }');
      if (openedAt === null && health.health().state !== 'CLOSED') openedAt = performance.now() - start;
      else if (openedAt !== null && revivedAt === null) fast.push(took);
      others.push((await run(app, '{ customers(provider: ORB, first: 5) { nodes { id } } }')).ms);
      await sleep(50);
    }
  };
  const drivers = Array.from({ length: 3 }, drive);
  await sleep(deadSeconds * 1000);
  const probes = sandbox.requests().filter((entry) => entry.provider === 'polar').length;
  const openFor = (performance.now() - start - (openedAt ?? 0)) / 1000;
  sandbox.setFaults({});
  revivedAt = performance.now();
  while (closedAt === null && performance.now() - revivedAt < 20_000) {
    if (health.health().state === 'CLOSED') closedAt = performance.now() - revivedAt;
    await sleep(20);
  }
  stop = true;
  await Promise.all(drivers);
  console.log(`\n3. One provider dead (Polar ${kind === 'hung' ? 'hangs every call' : 'answers 503 to every call'}), 3 clients querying it every 50 ms for ${deadSeconds} s`);
  console.log(`   breaker open after ${openedAt === null ? 'never' : ms(openedAt)}; upstream calls that reached Polar in ${deadSeconds} s: ${probes} (open for ${openFor.toFixed(1)} s)`);
  console.log(`   its part while open: p50 ${ms(percentile(fast, 50))}, p99 ${ms(percentile(fast, 99))} (${fast.length} queries, PROVIDER_UNAVAILABLE)`);
  console.log(`   Orb alone: p99 ${ms(percentile(before, 99))} before, p99 ${ms(percentile(others, 99))} meanwhile; recovered ${closedAt === null ? 'not within 20 s' : `${ms(closedAt)} after Polar came back`}`);
}

async function writesUnderFaults(sandbox: Sandbox, app: App): Promise<void> {
  const mutation = print(CreateCustomerDocument);
  const started = new Date(Date.now() - 1000);
  const run_ = Date.now().toString(36);
  sandbox.setFaults(Object.fromEntries(providerNames.map((name) => [name, { errorRate: 0.2, errorStatus: 503, hangRate: 0.05, malformedRate: 0.15 }])));
  const outcome: Record<string, { success: Set<string>; failed: Set<string>; conflicts: number; tries: number; replayed: number }> = {};
  const jobs = providerNames.flatMap((provider) => Array.from({ length: writeCount }, (_, index) => ({ provider, index })));
  for (const provider of providerNames) outcome[provider] = { success: new Set(), failed: new Set(), conflicts: 0, tries: 0, replayed: 0 };
  await pool(jobs, 10, async ({ provider, index }) => {
    const email = `bench.${provider}.${index}.${run_}@example.com`;
    const input = { provider: provider.toUpperCase(), email, name: 'Bench Person', externalId: `bench_${provider}_${index}_${run_}`, idempotencyKey: `bench-${provider}-${index}-${run_}` };
    const record = outcome[provider]!;
    for (let tries = 1; tries <= 30; tries++) {
      record.tries++;
      const answer = (await run(app, mutation, { input })).result.data?.createCustomer;
      if (answer?.__typename === 'CreateCustomerPayload') {
        if (answer.replayed === true) record.replayed++;
        return void record.success.add(email);
      }
      if (answer?.__typename === 'ConflictError') {
        record.conflicts++;
        return void record.failed.add(email);
      }
      if (answer?.__typename === 'ProviderError' && (answer.outcomeUnknown || answer.retryable)) {
        await sleep(50);
        continue;
      }
      return void record.failed.add(email);
    }
    record.failed.add(email);
  });
  sandbox.setFaults({});
  console.log(`\n4. Writes under 20 % 503, 5 % hung, 15 % lost answers: ${writeCount} creates per provider, 10 at a time, each retried with its key until definite`);
  for (const provider of providerNames) {
    const held = new Map<string, number>();
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const { result } = await run(app, 'query ($p: Provider, $after: String) { customers(provider: $p, first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { email createdAt } } }', { p: provider.toUpperCase(), after });
      const connection = result.data?.customers;
      const nodes = (connection?.nodes ?? []) as { email: string | null; createdAt: string }[];
      for (const node of nodes) if (node.email?.endsWith(`.${run_}@example.com`)) held.set(node.email, (held.get(node.email) ?? 0) + 1);
      if (!connection?.pageInfo.hasNextPage || nodes.every((node) => new Date(node.createdAt) < started)) break;
      after = connection.pageInfo.endCursor;
    }
    const record = outcome[provider]!;
    const duplicates = [...held.values()].filter((count) => count > 1).reduce((sum, count) => sum + count - 1, 0);
    const lost = [...record.success].filter((email) => !held.has(email)).length + [...record.failed].filter((email) => held.has(email)).length;
    console.log(`   ${provider.padEnd(9)} answered ${record.success.size}/${writeCount} in ${record.tries} tries (${record.replayed} answered replayed: true); duplicates ${duplicates}, lost creates ${lost}, false conflicts ${record.conflicts}`);
  }
}

const sandbox = await createSandbox({ port: 0, people, simulators: allSimulators });
console.log(`customer-graph fault benchmark: ${people} people; deadline ${loadConfig(process.env).http.faults.deadlineMs} ms`);
let app = await gateway(sandbox);
if (only === 'all' || only === 'mix') await faultMix(sandbox, app);
// After the mix the gateway knows every provider's latency (short attempt timeouts, hedging); a fresh one does not.
if (only === 'all') await oneHung(sandbox, app, 'right after the fault mix (latency known)');
await app.close();
if (only === 'all' || only === 'hung') {
  app = await gateway(sandbox);
  await oneHung(sandbox, app, 'cold (a fresh gateway: no latency history, breakers closed)');
  await app.close();
}
for (const kind of ['hung', '503'] as const) {
  if (only !== 'all' && only !== 'dead') continue;
  app = await gateway(sandbox);
  await oneDead(sandbox, app, kind);
  await app.close();
}
if (only === 'all' || only === 'writes') {
  app = await gateway(sandbox);
  await writesUnderFaults(sandbox, app);
  await app.close();
}
await sandbox.close();
