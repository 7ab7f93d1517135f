import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port';

/**
 * `npm start` as people run it (src/main.ts, here under tsx), in a process of its own: the embedded sandbox
 * answers on a worker thread, and everything main.ts does with it works across the thread.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const hooks = fileURLToPath(new URL('./fixtures/thread-hooks.mjs', import.meta.url));

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startMain(env: Record<string, string>): Started {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env };
  delete childEnv.REDIS_URL;
  const child = spawn(process.execPath, ['--max-semi-space-size=64', '--import', 'tsx', '--import', hooks, 'src/main.ts'], {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  started.push(child);
  return { child, output: () => output, exited };
}

const started: ChildProcess[] = [];
afterAll(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

async function until<T>(probe: () => T | null | undefined | false, what: string, output: () => string, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; output so far:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function graphql(base: string, query: string, variables?: unknown): Promise<any> {
  const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return response.json();
}

async function metric(base: string, pattern: RegExp): Promise<number> {
  const match = pattern.exec(await (await fetch(`${base}/metrics`)).text());
  return match === null ? 0 : Number(match[1]);
}

async function sandboxRequests(sandbox: string): Promise<{ provider: string; status: number }[]> {
  return ((await (await fetch(`${sandbox}/__sandbox/requests`)).json()) as { requests: { provider: string; status: number }[] }).requests;
}

describe('npm start: the embedded sandbox on its own thread', () => {
  it('prints the same start-up lines, answers while the main thread is blocked, sends signed webhooks, drives the rate budgets, and exits 0 on SIGTERM', async () => {
    const sandboxPort = await freePort();
    const faults = { orb: { latencyMs: [1, 2] } };
    const main = startMain({
      SANDBOX_PORT: String(sandboxPort),
      SANDBOX_PEOPLE: '150',
      SANDBOX_SEED: '7',
      SANDBOX_FAULTS: JSON.stringify(faults),
      POLAR_CACHE_TTL_MS: '0',
      TEST_BLOCK_MS: '3000',
    });
    const base = await until(() => /GraphQL and GraphiQL at (http:\/\/[^ ]+)\/graphql/.exec(main.output())?.[1], 'the start-up line', main.output);
    const sandbox = `http://127.0.0.1:${sandboxPort}`;

    // The start-up lines, as the in-process sandbox printed them.
    const output = main.output();
    expect(output).toMatch(new RegExp(`^sandbox: 150 people, seed 7, ready in \\d+ ms at ${sandbox}$`, 'm'));
    const overview = (await (await fetch(`${sandbox}/__sandbox`)).json()) as { providers: string[]; baseUrls: Record<string, string>; customers: Record<string, number> };
    for (const provider of overview.providers) {
      expect(output).toContain(`  ${provider.padEnd(9)} ${overview.baseUrls[provider]}  (${overview.customers[provider]} customers)`);
    }
    expect(output).toContain(`sandbox: webhooks to ${base}/webhooks/<provider> for ${overview.providers.join(', ')}`);
    expect(await (await fetch(`${sandbox}/__sandbox/faults`)).json()).toEqual(faults);

    // Another thread: with the main thread busy for 3 s, the sandbox answers at once and the gateway only after.
    main.child.kill('SIGUSR2');
    await until(() => main.output().includes('test: main thread blocked'), 'the main thread to block', main.output, 10_000);
    const asked = performance.now();
    const health = fetch(`${base}/health`).then(() => performance.now() - asked);
    const answer = await fetch(`${sandbox}/__sandbox`);
    const sandboxMs = performance.now() - asked;
    expect(answer.status).toBe(200);
    expect(sandboxMs).toBeLessThan(1500);
    expect(await health).toBeGreaterThan(sandboxMs + 500);

    // Webhooks from the sandbox's thread reach the gateway, signed with this run's secrets (the gateway applies them).
    const created = await graphql(base, 'mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { __typename } }', {
      input: { provider: 'STIGG', email: 'thread.webhook@example.com', name: 'Thread Webhook', idempotencyKey: 'sandbox-thread-1' },
    });
    expect(created.data.createCustomer.__typename).toBe('CreateCustomerPayload');
    const applied = /customer_graph_webhook_events_total\{provider="stigg",outcome="applied"\} (\d+)/;
    for (let tries = 0; tries < 100 && (await metric(base, applied)) === 0; tries++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await metric(base, applied)).toBeGreaterThanOrEqual(1);

    // PUT /__sandbox/faults with Polar's rate limit: the gateway's Polar budget follows, so the sandbox refuses none.
    const ids = (await graphql(base, '{ customers(provider: POLAR, first: 5) { nodes { id } } }')).data.customers.nodes.map((node: { id: string }) => node.id);
    expect(ids).toHaveLength(5);
    const put = await fetch(`${sandbox}/__sandbox/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ polar: { rateLimitPerSecond: 2 } }) });
    expect(put.status).toBe(200);
    await fetch(`${sandbox}/__sandbox/requests`, { method: 'DELETE' });
    const waited = /customer_graph_upstream_wait_seconds_sum\{provider="polar"\} ([\d.e+-]+)/;
    const waitedBefore = await metric(base, waited);
    const readAll = () => Promise.all(ids.map((id: string) => graphql(base, 'query ($id: ID!) { customer(id: $id) { id } }', { id })));
    for (const result of await readAll()) expect(result.errors).toBeUndefined();
    const polarCalls = (await sandboxRequests(sandbox)).filter((entry) => entry.provider === 'polar');
    expect(polarCalls.length).toBeGreaterThanOrEqual(5);
    expect(polarCalls.filter((entry) => entry.status === 429)).toEqual([]);
    // Paced at 2/s with a burst of 1: the five calls waited 0, 0.5, 1, 1.5 and 2 s.
    const waitedPaced = (await metric(base, waited)) - waitedBefore;
    expect(waitedPaced).toBeGreaterThan(3);

    // A reset clears the limit, and the budget follows: the same five reads wait for nothing.
    expect((await fetch(`${sandbox}/__sandbox/reset`, { method: 'POST' })).status).toBe(200);
    const waitedAtReset = await metric(base, waited);
    for (const result of await readAll()) expect(result.errors).toBeUndefined();
    expect((await metric(base, waited)) - waitedAtReset).toBeLessThan(0.5);

    main.child.kill('SIGTERM');
    expect(await main.exited).toBe(0);
    expect(main.output()).toContain('"msg":"shut down"');
    await expect(fetch(`${sandbox}/__sandbox`)).rejects.toThrow();
  }, 120_000);

  it('says in a sentence that SANDBOX_PORT is in use, and exits 1', async () => {
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', () => resolve()));
    const port = (holder.address() as { port: number }).port;
    try {
      const main = startMain({ SANDBOX_PORT: String(port), SANDBOX_PEOPLE: '20' });
      expect(await main.exited).toBe(1);
      expect(main.output()).toContain(
        `customer-graph cannot start: port ${port} on 127.0.0.1 is already in use: stop what holds it, or choose another with PORT (gateway), SANDBOX_PORT (sandbox) or METRICS_PORT (metrics)`,
      );
    } finally {
      holder.close();
    }
  }, 60_000);

  it('does not go on without its providers: a crash of the sandbox\'s thread is logged and the process exits 1', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'sandbox-thread-'));
    const trigger = join(directory, 'crash');
    try {
      const main = startMain({ SANDBOX_PORT: '0', SANDBOX_PEOPLE: '20', TEST_CRASH_FILE: trigger });
      await until(() => main.output().includes('GraphQL and GraphiQL at'), 'the start-up line', main.output);
      writeFileSync(trigger, '');
      const still = new Promise<string>((resolve) => setTimeout(() => resolve('still running 20 s after the crash'), 20_000).unref());
      expect(await Promise.race([main.exited, still])).toBe(1);
      expect(main.output()).toMatch(/"level":"fatal".*simulated crash of the sandbox thread/);
      expect(main.output()).toContain('the embedded sandbox\'s thread crashed');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 60_000);
});
