/**
 * `npm run bench:state`: figures, not assertions, for shared state. Seeds the sandbox, then measures:
 * the identity index build (list calls) cold and with a warm Redis, the latency a write's idempotency key adds
 * (memory ledger vs Redis ledger, p50/p95, against the no-key baseline), replay latency, and duplicates when one
 * key is sent to two instances at once. Uses REDIS_URL, or starts its own redis-server on a free port.
 * Options: BENCH_PEOPLE (default 20000), BENCH_WRITES (default 200). Rows are measured in turns, write by write.
 */
import { createApp, type App } from '../../src/app';
import { silentLogger } from '../../src/logger';
import { defaultRetryPolicy } from '../../src/providers/kit/retry';
import { providerNames } from '../../src/providers/provider-names';
import { createSandbox, type Sandbox } from '../../src/sandbox/sandbox';
import { allSimulators } from '../../src/registry';
import { createMemoryState } from '../../src/state/memory/memory-state';
import { createRedisState } from '../../src/state/redis/redis-state';
import type { StateStore } from '../../src/state/state-port';
import { startOwnRedis, uniquePrefix } from '../support/redis';

const people = Number(process.env.BENCH_PEOPLE ?? 20_000);
const writes = Number(process.env.BENCH_WRITES ?? 200);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

const CREATE = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { __typename ... on CreateCustomerPayload { replayed customer { id } } ... on Error { code message } } }`;

function gateway(sandbox: Sandbox, state: StateStore): App {
  return createApp({
    providers: providerNames.map((name) => ({ name, mode: 'SANDBOX' as const, baseUrl: sandbox.baseUrls[name] as string, apiKey: 'bench' })),
    http: { timeouts: { connectMs: 3000, headersMs: 30_000, bodyMs: 30_000 }, retry: defaultRetryPolicy },
    concurrency: 16,
    logger: silentLogger,
    state,
  });
}

async function create(app: App, externalId: string, key: string | null): Promise<{ __typename: string; replayed?: boolean; customer?: { id: string } }> {
  const input = { provider: 'ORB', externalId, email: `${externalId}@example.com`, name: 'Bench Mark', currency: 'USD', ...(key === null ? {} : { idempotencyKey: key }) };
  const response = await app.yoga.fetch('http://bench/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: CREATE, variables: { input } }) });
  const body = (await response.json()) as { data?: { createCustomer: never }; errors?: unknown[] };
  if (body.errors || body.data === undefined) throw new Error(JSON.stringify(body.errors).slice(0, 300));
  return body.data.createCustomer;
}

/** Rows measured in turns (one write of each per round), so drift on a busy machine hits every row alike. */
async function timeWrites(rows: [string, (index: number) => Promise<unknown>][]): Promise<void> {
  for (let warm = 0; warm < 20; warm++) for (const [, run] of rows) await run(-1 - warm);
  const durations = rows.map((): number[] => []);
  for (let index = 0; index < writes; index++) {
    for (const [row, [, run]] of rows.entries()) {
      const begin = performance.now();
      await run(index);
      durations[row]!.push(performance.now() - begin);
    }
  }
  rows.forEach(([label], row) => {
    const sorted = durations[row]!.sort((x, y) => x - y);
    console.log(`${label.padEnd(34)} ${percentile(sorted, 50).toFixed(2).padStart(7)} ${percentile(sorted, 95).toFixed(2).padStart(8)}`);
  });
}

const listCalls = (sandbox: Sandbox) =>
  sandbox.requests().filter((entry) => entry.method === 'GET' && /\/(customers|search)$/.test(entry.path) && !/(^|&)id=/.test(entry.query)).length;

async function main(): Promise<void> {
  const url = process.env.REDIS_URL?.trim() || null;
  const own = url === null ? await startOwnRedis() : null;
  const redisUrl = url ?? (own?.url as string);
  const prefix = uniquePrefix('bench');
  const redis = () => createRedisState({ target: { url: redisUrl, sentinels: null, sentinelName: null, clusterNodes: null, options: {} }, keyPrefix: prefix, logger: silentLogger });
  const sandbox = await createSandbox({ port: 0, people, simulators: allSimulators });
  console.log(`state benchmark: ${people} people ${JSON.stringify(sandbox.customerCounts())}, ${writes} sequential writes per row, Redis ${own === null ? 'from REDIS_URL' : 'started on a free port'}`);

  const memoryState = createMemoryState();
  const memory = gateway(sandbox, memoryState);
  await memory.ready;
  const memoryIndexCalls = listCalls(sandbox);
  sandbox.clearRequests();

  const firstState = redis();
  await firstState.waitUntilConnected(10_000);
  let started = performance.now();
  const first = gateway(sandbox, firstState);
  await first.ready;
  console.log(`\nindex at start                     list calls   ms`);
  console.log(`memory (every start)               ${String(memoryIndexCalls).padStart(10)}`);
  console.log(`redis, cold                        ${String(listCalls(sandbox)).padStart(10)} ${Math.round(performance.now() - started).toString().padStart(4)}`);
  sandbox.clearRequests();
  const secondState = redis();
  await secondState.waitUntilConnected(10_000);
  started = performance.now();
  const second = gateway(sandbox, secondState);
  await second.ready;
  console.log(`redis, warm (another instance)     ${String(listCalls(sandbox)).padStart(10)} ${Math.round(performance.now() - started).toString().padStart(4)}`);

  console.log(`\nwrite (Orb createCustomer)          p50 ms   p95 ms`);
  await timeWrites([
    ['memory, no key', (index) => create(memory, `m-nokey-${index}`, null)],
    ['memory, new key', (index) => create(memory, `m-key-${index}`, `m-key-${index}`)],
    ['memory, replayed key', () => create(memory, 'm-key-0', 'm-key-0')],
    ['redis, no key', (index) => create(first, `r-nokey-${index}`, null)],
    ['redis, new key', (index) => create(first, `r-key-${index}`, `r-key-${index}`)],
    ['redis, replayed key', () => create(first, 'r-key-0', 'r-key-0')],
  ]);

  sandbox.clearRequests();
  const keys = 100;
  let replayed = 0;
  for (let index = 0; index < keys; index++) {
    const answers = await Promise.all([first, second].map((app) => create(app, `dup-${index}`, `dup-${index}`)));
    replayed += answers.filter((answer) => answer.replayed === true).length;
  }
  const posts = sandbox.requests().filter((entry) => entry.method === 'POST').length;
  console.log(`\nduplicates: ${keys} keys, each sent to two instances at once: ${posts} provider writes (${posts - keys} duplicates), ${replayed} answers replayed: true`);

  for (const app of [memory, first, second]) await app.close();
  await Promise.all([firstState.close(), secondState.close(), memoryState.close()]);
  await sandbox.close();
  await own?.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
