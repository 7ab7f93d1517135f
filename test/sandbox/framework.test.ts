import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../src/sandbox/sandbox';
import { json } from '../../src/sandbox/shared/sandbox-http';
import type { SimulatorFactory } from '../../src/sandbox/shared/simulator';
import { call } from '../support/http';

/** A two-route simulator: enough to exercise the sandbox's own machinery (log, faults, reset, limits). */
const echoSimulator: SimulatorFactory = (context) => {
  let created = 0;
  return {
    name: 'echo',
    basePath: '/echo/v1',
    rootSegments: ['things'],
    customerCount: () => context.people.length + created,
    handle: (request) => {
      if (request.method === 'POST') {
        created++;
        return json(201, { created });
      }
      return json(200, { path: request.path, query: request.rawQuery, people: context.people.length + created });
    },
    faultResponse: (fault) =>
      fault.kind === 'rate-limit'
        ? json(429, { error: 'slow down' }, { 'retry-after': String(fault.retryAfterSeconds) })
        : json(fault.status, { error: 'injected' }),
  };
};

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await createSandbox({ port: 0, people: 25, simulators: [echoSimulator] });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
});

describe('sandbox machinery', () => {
  it('serves each simulator below its prefix and gives its base URL', async () => {
    expect(sandbox.baseUrls.echo).toBe(`${sandbox.url}/echo/v1`);
    const response = await fetch(`${sandbox.url}/echo/v1/things?limit=2`);
    expect(await response.json()).toEqual({ path: '/v1/things', query: 'limit=2', people: 25 });
  });

  it('also serves a simulator at the root for the segments it claims, and nothing else there', async () => {
    const root = await call(`${sandbox.url}/things/1?x=2`);
    expect(root.body).toEqual({ path: '/things/1', query: 'x=2', people: 25 });
    expect(sandbox.requests().map((entry) => [entry.provider, entry.path])).toEqual([['echo', '/things/1']]);
    expect((await fetch(`${sandbox.url}/others`)).status).toBe(404);
  });

  it('logs provider calls oldest first, not admin calls, and clears the log', async () => {
    await fetch(`${sandbox.url}/echo/v1/a?x=1`);
    await fetch(`${sandbox.url}/echo/v1/b`, { method: 'POST', body: '{}' });
    const log = (await call(`${sandbox.url}/__sandbox/requests`)).body;
    expect(log.requests.map((entry: { method: string; path: string; query: string; status: number }) => [entry.method, entry.path, entry.query, entry.status])).toEqual([
      ['GET', '/echo/v1/a', 'x=1', 200],
      ['POST', '/echo/v1/b', '', 201],
    ]);
    expect(typeof log.requests[0].ms).toBe('number');
    await fetch(`${sandbox.url}/__sandbox/requests`, { method: 'DELETE' });
    expect((await call(`${sandbox.url}/__sandbox/requests`)).body.requests).toEqual([]);
  });

  it('injects errors and rate limits in the provider shape, and clears them with {}', async () => {
    const put = await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'PUT', body: JSON.stringify({ echo: { errorRate: 1, errorStatus: 502 } }) });
    expect(await put.json()).toEqual({ echo: { errorRate: 1, errorStatus: 502 } });
    const failed = await fetch(`${sandbox.url}/echo/v1/x`);
    expect(failed.status).toBe(502);
    expect(await failed.json()).toEqual({ error: 'injected' });

    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'PUT', body: JSON.stringify({ echo: { rateLimitRate: 1, retryAfterSeconds: 7 } }) });
    const limited = await fetch(`${sandbox.url}/echo/v1/x`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');

    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'PUT', body: '{}' });
    expect(await (await fetch(`${sandbox.url}/__sandbox/faults`)).json()).toEqual({});
    expect((await fetch(`${sandbox.url}/echo/v1/x`)).status).toBe(200);
  });

  it('adds latency within the configured range', async () => {
    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'PUT', body: JSON.stringify({ echo: { latencyMs: [40, 60] } }) });
    const started = performance.now();
    await fetch(`${sandbox.url}/echo/v1/slow`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(39);
    const [entry] = sandbox.requests();
    expect(entry?.ms).toBeGreaterThanOrEqual(39);
  });

  it('cuts JSON bodies short when malformedRate is 1', async () => {
    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'PUT', body: JSON.stringify({ echo: { malformedRate: 1 } }) });
    const text = await (await fetch(`${sandbox.url}/echo/v1/x`)).text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it('leaves a hung request unanswered until the client gives up, and logs it with status 0', async () => {
    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'PUT', body: JSON.stringify({ echo: { hangRate: 1 } }) });
    await expect(fetch(`${sandbox.url}/echo/v1/x`, { signal: AbortSignal.timeout(150) })).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sandbox.requests().map((entry) => entry.status)).toEqual([0]);
  });

  it('refuses invalid fault configurations with the reasons, keeping the old one', async () => {
    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'PUT', body: JSON.stringify({ echo: { errorRate: 0.5 } }) });
    for (const body of ['{"nope": {}}', '{"echo": {"errorRate": 2}}', '{"echo": {"latencyMs": [50, 10]}}', '{"echo": {"colour": 1}}', 'not json', '[]']) {
      const response = await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'PUT', body });
      expect(response.status, body).toBe(400);
    }
    expect(await (await fetch(`${sandbox.url}/__sandbox/faults`)).json()).toEqual({ echo: { errorRate: 0.5 } });
  });

  it('resets state, log and faults', async () => {
    await fetch(`${sandbox.url}/echo/v1/x`, { method: 'POST' });
    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'PUT', body: JSON.stringify({ echo: { errorRate: 0.5 } }) });
    const reset = await (await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' })).json();
    expect(reset).toEqual({ reset: true, customers: { echo: 25 } });
    expect(sandbox.requests()).toEqual([]);
    expect(sandbox.faults()).toEqual({});
  });

  it('answers unknown prefixes, unknown admin routes and oversized bodies with clear errors', async () => {
    expect((await fetch(`${sandbox.url}/nowhere/x`)).status).toBe(404);
    expect((await fetch(`${sandbox.url}/__sandbox/whatever`)).status).toBe(404);
    const big = await fetch(`${sandbox.url}/echo/v1/x`, { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1) });
    expect(big.status).toBe(413);
  });
});
