import type { IncomingMessage, ServerResponse } from 'node:http';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBodyParser, ProviderError } from '../../src/providers/spec/errors';
import { requestDeadline } from '../../src/providers/kit/deadline';
import type { FaultSettings } from '../../src/providers/kit/fault-settings';
import { ProviderHttp, type HttpTransport } from '../../src/providers/kit/http-client';
import type { RetryPolicy } from '../../src/providers/kit/retry';
import { loopbackServer } from '../support/loopback';
import { rejection } from '../support/rejection';
import { transportsClosedAfterAll } from '../support/transport';

/** The fault policy of one provider against a loopback server each test scripts: breaker, deadline, attempt timeouts, hedging. */

type Handler = (request: IncomingMessage, response: ServerResponse, count: number) => void;

let handler: Handler;
let seen = 0;
const newTransport = transportsClosedAfterAll();
const { origin } = await loopbackServer((request, response) => {
  request.resume();
  request.on('end', () => handler(request, response, ++seen));
});
beforeEach(() => {
  seen = 0;
});

const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
};
const ok: Handler = (_request, response) => json(response, 200, { id: 'cus_1' });
const unavailable: Handler = (_request, response) => json(response, 503, { message: 'down' });
const hang: Handler = () => undefined;
const parseError: ErrorBodyParser = (status) => ({ message: `status ${status}` });

function client(faults: Partial<FaultSettings> = {}, retry: Partial<RetryPolicy> = {}): { http: ProviderHttp; transport: HttpTransport } {
  const transport = newTransport({ faults, retry });
  return { http: new ProviderHttp({ provider: 'acme', baseUrl: `${origin}/v1`, headers: {}, parseError, transport }), transport };
}

const breaker = { consecutiveFailures: 3, failureRatio: 0.9, halfOpenAfterMs: 300 };

describe('circuit breaker', () => {
  it('opens after consecutive failures, then fails in milliseconds without calling, and health says so', async () => {
    const { http, transport } = client({ breaker }, { retries: 0 });
    handler = unavailable;
    for (let index = 0; index < 3; index++) expect((await rejection(http.send({ method: 'GET', path: '/customers' }))).code).toBe('UPSTREAM_ERROR');
    expect(transport.resilience.for('acme').health()).toMatchObject({ state: 'OPEN', lastFailure: 'status 503' });
    const started = performance.now();
    const error = await rejection(http.send({ method: 'GET', path: '/customers' }));
    expect(performance.now() - started).toBeLessThan(100);
    expect(error).toMatchObject({ code: 'UNAVAILABLE', provider: 'acme', retryable: true, outcomeUnknown: false });
    expect(seen).toBe(3);
  });

  it('lets exactly one probe through after the cool-down while others fail fast, and closes when it succeeds', async () => {
    const { http, transport } = client({ breaker }, { retries: 0 });
    handler = unavailable;
    for (let index = 0; index < 3; index++) await rejection(http.send({ method: 'GET', path: '/customers' }));
    await new Promise((resolve) => setTimeout(resolve, 350));
    // The provider is back, slowly: the probe takes 200 ms; calls meanwhile must not queue behind it.
    handler = (request, response) => setTimeout(() => ok(request, response, seen), 200);
    seen = 0;
    const probe = http.send({ method: 'GET', path: '/customers' });
    const started = performance.now();
    const during = await Promise.allSettled([1, 2, 3].map(() => http.send({ method: 'GET', path: '/customers' })));
    expect(performance.now() - started).toBeLessThan(100);
    expect(during.map((result) => (result.status === 'rejected' ? (result.reason as ProviderError).code : 'answered'))).toEqual(['UNAVAILABLE', 'UNAVAILABLE', 'UNAVAILABLE']);
    expect(transport.resilience.for('acme').health().state).toBe('HALF_OPEN');
    expect((await probe).body).toEqual({ id: 'cus_1' });
    expect(seen).toBe(1);
    expect(transport.resilience.for('acme').health().state).toBe('CLOSED');
    expect((await http.send({ method: 'GET', path: '/customers' })).status).toBe(200);
  });

  it('does not count answers that say nothing about health: 404 and 429 leave it closed', async () => {
    const { http, transport } = client({ breaker }, { retries: 0 });
    handler = (_request, response, count) => json(response, count % 2 === 0 ? 404 : 429, { message: 'no' });
    for (let index = 0; index < 6; index++) await rejection(http.send({ method: 'GET', path: '/customers/x' }));
    expect(transport.resilience.for('acme').health().state).toBe('CLOSED');
  });
});

describe('deadline and attempt timeouts', () => {
  it('abandons a hung read after the short attempt timeout and retries it within the deadline', async () => {
    const { http } = client({ readTimeoutMs: 150, hedging: false }, { retries: 1 });
    handler = (request, response, count) => (count === 1 ? hang(request, response, count) : ok(request, response, count));
    const started = performance.now();
    const answer = await http.send({ method: 'GET', path: '/customers/cus_1' });
    expect(answer.body).toEqual({ id: 'cus_1' });
    expect(seen).toBe(2);
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('ends every attempt and retry at the request deadline, reporting TIMEOUT', async () => {
    const { http } = client({ readTimeoutMs: 5000, hedging: false }, { retries: 5 });
    handler = hang;
    const { signal } = requestDeadline(300, []);
    const started = performance.now();
    const error = await rejection(http.send({ method: 'GET', path: '/customers', signal }));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error).toMatchObject({ code: 'TIMEOUT', retryable: true });
    expect(error.message).toContain('deadline');
    expect(seen).toBe(1);
  });

  it('does not wait for a Retry-After that would end past the deadline', async () => {
    const { http } = client({}, { retries: 3, maxDelayMs: 5000 });
    handler = (_request, response) => json(response, 429, { message: 'slow down' }, { 'retry-after': '2' });
    const { signal } = requestDeadline(1000, []);
    const started = performance.now();
    const error = await rejection(http.send({ method: 'GET', path: '/customers', signal }));
    expect(performance.now() - started).toBeLessThan(500);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 2000 });
    expect(seen).toBe(1);
  });

  it('cuts off the request when an app-level signal aborts (a shutdown grace period ending)', async () => {
    const { http } = client({ hedging: false });
    handler = hang;
    const shutdown = new AbortController();
    const { signal } = requestDeadline(5000, [undefined, shutdown.signal]);
    setTimeout(() => shutdown.abort(new Error('grace period over')), 100);
    const error = await rejection(http.send({ method: 'POST', path: '/customers', body: {}, signal }));
    expect(error).toMatchObject({ code: 'ABORTED', outcomeUnknown: true });
  });
});

describe('hedging', () => {
  it('answers a read whose first attempt hangs from a second attempt sent after the recent p95', async () => {
    const { http } = client({ readTimeoutMs: 3000, hedging: true }, { retries: 0 });
    handler = ok;
    for (let index = 0; index < 25; index++) await http.send({ method: 'GET', path: '/customers/cus_1' });
    seen = 0;
    handler = (request, response, count) => (count === 1 ? hang(request, response, count) : ok(request, response, count));
    const started = performance.now();
    const answer = await http.send({ method: 'GET', path: '/customers/cus_1' });
    expect(answer.body).toEqual({ id: 'cus_1' });
    expect(performance.now() - started).toBeLessThan(500);
    expect(seen).toBe(2);
  });

  it('never hedges a write', async () => {
    const { http } = client({ readTimeoutMs: 3000, hedging: true }, { retries: 0 });
    handler = ok;
    for (let index = 0; index < 25; index++) await http.send({ method: 'GET', path: '/customers/cus_1' });
    seen = 0;
    handler = (_request, response) => setTimeout(() => json(response, 201, { id: 'cus_2' }), 150);
    expect((await http.send({ method: 'POST', path: '/customers', body: {} })).status).toBe(201);
    expect(seen).toBe(1);
  });
});
