/**
 * `npm run bench:live`: figures for webhooks, subscriptions and the read cache, not assertions.
 *
 * 1. Warm read cache: upstream calls of "20 Polar customers with state" and of a repeated read by id, cold and warm.
 * 2. Warm by-id throughput: req/s of a cached `customer(id:)` read against a plain graphql-yoga hello server, both
 *    in their own processes, driven with BENCH_CONNECTIONS connections for BENCH_ITERATIONS requests.
 * 3. Webhook-to-subscriber latency: a change made directly at the Omise sandbox API, its signed webhook delivered
 *    to a gateway, the change published and an SSE subscriber's event received (`customer` read fresh included);
 *    p50 and p99 over BENCH_CHANGES changes, with one gateway, then with two gateways on one Redis (the webhook to
 *    the first, the subscriber on the second) when redis-server is on the PATH or REDIS_URL is set.
 *
 * Options: BENCH_PEOPLE (default 2000), BENCH_CONNECTIONS (16), BENCH_ITERATIONS (4000), BENCH_CHANGES (200).
 */
import { randomBytes } from 'node:crypto';
import { Pool } from 'undici';
import { allSimulators, providerNames } from '../../src/registry';
import { createSandbox, type Sandbox } from '../../src/sandbox/sandbox';
import { gatewayEndpoints } from '../../src/sandbox/webhooks/webhook-settings';
import { openEventStream } from '../support/listening-gateway';
import { redisAvailability, startOwnRedis, uniquePrefix, type OwnRedis } from '../support/redis';
import { startChild, type Child } from './child';
import { body, envNumber, gatewayQueries, load } from './load';

const people = envNumber('BENCH_PEOPLE', 2000);
const connections = envNumber('BENCH_CONNECTIONS', 16);
const iterations = envNumber('BENCH_ITERATIONS', 4000);
const changes = envNumber('BENCH_CHANGES', 200);
const secrets = Object.fromEntries(providerNames.map((name) => [name, randomBytes(32).toString('base64')]));

function gatewayEnv(sandbox: Sandbox, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = { BENCH_SANDBOX_URLS: JSON.stringify(sandbox.baseUrls), ...extra };
  for (const name of providerNames) {
    env[`${name.toUpperCase()}_CACHE_TTL_MS`] = '60000';
    env[`${name.toUpperCase()}_WEBHOOK_SECRET`] = secrets[name] as string;
  }
  return env;
}

async function graph(url: string, query: string): Promise<any> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return response.json();
}

async function upstreamOf(sandbox: Sandbox, action: () => Promise<unknown>): Promise<number> {
  sandbox.clearRequests();
  await action();
  return sandbox.requests().length;
}

async function throughput(url: string, query: string): Promise<number> {
  const pool = new Pool(url, { connections, pipelining: 1 });
  const run = await load(pool, body(query), iterations, connections);
  await pool.close();
  return iterations / run.seconds;
}

async function latencies(sandbox: Sandbox, subscriberUrl: string): Promise<number[]> {
  const created = await fetch(`${sandbox.baseUrls.omise}/customers`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from('skey_test_bench:').toString('base64')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'latency@example.com', metadata: { external_id: `latency_${Date.now()}` } }),
  }).then((response) => response.json() as Promise<{ id: string; metadata: { external_id: string } }>);
  const stream = await openEventStream(subscriberUrl, `subscription { customerChanged(externalId: "${created.metadata.external_id}") { kind customer { id name } } }`);
  await new Promise((resolve) => setTimeout(resolve, 300));
  await stream.next(5_000).catch(() => undefined); // the creation's own event, if it raced the subscription
  const measured: number[] = [];
  for (let index = 0; index < changes; index++) {
    const started = performance.now();
    await fetch(`${sandbox.baseUrls.omise}/customers/${created.id}`, {
      method: 'PATCH',
      headers: { authorization: `Basic ${Buffer.from('skey_test_bench:').toString('base64')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ description: `change ${index}` }),
    }).then((response) => response.arrayBuffer());
    const event = await stream.next(5_000);
    if (event.data?.customerChanged?.customer?.name !== `change ${index}`) throw new Error(`unexpected event ${JSON.stringify(event)}`);
    measured.push(performance.now() - started);
  }
  stream.close();
  return measured.sort((a, b) => a - b);
}

const percentile = (sorted: number[], share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] as number;
const ms = (value: number) => value.toFixed(1).padStart(7);

async function main(): Promise<void> {
  const sandbox = await createSandbox({ port: 0, people, simulators: allSimulators });
  const children: Child[] = [];
  let redis: OwnRedis | null = null;
  try {
    const gateway = await startChild('test/bench/gateway-server.ts', gatewayEnv(sandbox));
    children.push(gateway);
    const hello = await startChild('test/bench/hello-server.ts', {});
    children.push(hello);
    sandbox.setWebhooks({ endpoints: gatewayEndpoints(gateway.url, secrets), retryDelaysMs: [1000] });

    const page = gatewayQueries.polar20WithState;
    const cold = await upstreamOf(sandbox, () => graph(gateway.url, page));
    const warm = await upstreamOf(sandbox, () => graph(gateway.url, page));
    const firstId = (await graph(gateway.url, page)).data.customers.nodes[0].id as string;
    const byId = `{ customer(id: "${firstId}") { id email name createdAt } }`;
    const byIdWarm = await upstreamOf(sandbox, () => graph(gateway.url, byId));
    console.log(`\nread cache (${people} people)`);
    console.log(`  20 Polar customers with state: cold ${cold} upstream calls, warm ${warm}`);
    console.log(`  repeated customer(id:): ${byIdWarm} upstream calls`);

    await throughput(gateway.url, byId);
    await throughput(hello.url, '{ hello }');
    const gatewayRate = await throughput(gateway.url, byId);
    const helloRate = await throughput(hello.url, '{ hello }');
    sandbox.clearRequests();
    await throughput(gateway.url, byId);
    const underLoad = sandbox.requests();
    const upstreamUnderLoad = underLoad.length;
    if (upstreamUnderLoad > 0) console.log('  upstream calls under load:', underLoad.slice(0, 3));
    console.log(`\nwarm by-id throughput (${connections} connections, ${iterations} requests)`);
    console.log(`  gateway customer(id:) ${gatewayRate.toFixed(0)} req/s · hello ${helloRate.toFixed(0)} req/s · ${((gatewayRate / helloRate) * 100).toFixed(0)} % of hello · ${upstreamUnderLoad} upstream calls`);

    console.log(`\nwebhook → subscriber latency (${changes} changes at the Omise sandbox, ms)`);
    console.log('  setup                          p50      p99      max');
    const one = await latencies(sandbox, gateway.url);
    console.log(`  one instance               ${ms(percentile(one, 0.5))}  ${ms(percentile(one, 0.99))}  ${ms(one[one.length - 1] as number)}`);

    const availability = redisAvailability();
    if (availability.skipReason !== null) {
      console.log(`  two instances on Redis: not measured (${availability.skipReason})`);
      return;
    }
    if (availability.url === null) redis = await startOwnRedis();
    const redisEnv = { REDIS_URL: availability.url ?? (redis as OwnRedis).url, REDIS_KEY_PREFIX: uniquePrefix('bench-live') };
    const first = await startChild('test/bench/gateway-server.ts', gatewayEnv(sandbox, redisEnv));
    children.push(first);
    const second = await startChild('test/bench/gateway-server.ts', gatewayEnv(sandbox, redisEnv));
    children.push(second);
    sandbox.setWebhooks({ endpoints: gatewayEndpoints(first.url, secrets), retryDelaysMs: [1000] });
    const two = await latencies(sandbox, second.url);
    console.log(`  two instances, Redis       ${ms(percentile(two, 0.5))}  ${ms(percentile(two, 0.99))}  ${ms(two[two.length - 1] as number)}`);
  } catch (error) {
    console.error('last webhook deliveries:', JSON.stringify(sandbox.webhookDeliveries().slice(-3)));
    throw error;
  } finally {
    for (const child of children) await child.stop();
    await sandbox.close();
    await redis?.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
