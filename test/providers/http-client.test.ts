import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBodyParser, ProviderError } from '../../src/providers/spec/errors';
import { ProviderHttp, type HttpRequest } from '../../src/providers/kit/http-client';
import type { HttpTimeouts } from '../../src/providers/kit/dispatcher';
import type { RetryPolicy } from '../../src/providers/kit/retry';
import { closeServer, listenOnLoopback, loopbackServer, sendJson as json } from '../support/loopback';
import { rejection } from '../support/rejection';
import { transportsClosedAfterAll } from '../support/transport';

/** ProviderHttp against a real loopback server on port 0 that each test scripts, answer by answer. */

const SECRET = 'sk_live_do-not-leak-7f3a9c';
const AUTHORIZATION = `Bearer ${SECRET}`;

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

type Handler = (request: IncomingMessage, response: ServerResponse, attempt: number) => void;

let handler: Handler;
let seen: Seen[] = [];
const newTransport = transportsClosedAfterAll();
const { origin } = await loopbackServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
    handler(request, response, seen.length);
  });
});
beforeEach(() => {
  seen = [];
  handler = (_request, response) => json(response, 500, { error: { code: 'unscripted', message: 'no handler' } });
});


/** A provider's error body `{error: {code, message}}`, as an adapter's parser would read it. */
const parseError: ErrorBodyParser = (status, body) => {
  const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
  return { message: error?.message ?? `status ${status}`, providerCode: error?.code ?? null, ...(error?.code === 'duplicate' ? { code: 'CONFLICT' as const } : {}) };
};

function client(options: { timeouts?: Partial<HttpTimeouts>; retry?: Partial<RetryPolicy>; idempotencyHeader?: string; baseUrl?: string } = {}): ProviderHttp {
  const transport = newTransport({ timeouts: options.timeouts, retry: options.retry });
  return new ProviderHttp({
    provider: 'acme',
    baseUrl: options.baseUrl ?? `${origin}/api/v1/`,
    headers: { authorization: AUTHORIZATION, 'acme-version': '2024-01-01' },
    parseError,
    idempotencyHeader: options.idempotencyHeader,
    transport,
  });
}

/** The error a call fails with; every one is also checked to carry no trace of the auth header's value. */
async function failure(http: ProviderHttp, request: HttpRequest): Promise<ProviderError> {
  const typed = await rejection(http.send(request));
  expect(typed.message).not.toContain(SECRET);
  expect(String(typed.stack)).not.toContain(SECRET);
  expect(JSON.stringify(typed)).not.toContain(SECRET);
  expect(String(typed.cause ?? '')).not.toContain(SECRET);
  return typed;
}

describe('ProviderHttp: answers', () => {
  it('sends the base path, query, auth and JSON body, and parses a JSON answer', async () => {
    handler = (_request, response) => json(response, 201, { id: 'cus_1', tags: ['a'] });
    const answer = await client().send({ method: 'POST', path: '/customers', query: 'expand%5B%5D=cards&limit=5', body: { name: 'Ada' } });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ id: 'cus_1', tags: ['a'] });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/api/v1/customers?expand%5B%5D=cards&limit=5', body: '{"name":"Ada"}' });
    expect(seen[0]?.headers).toMatchObject({ authorization: AUTHORIZATION, 'acme-version': '2024-01-01', 'content-type': 'application/json', accept: 'application/json' });
  });

  it('gives the text of a non-JSON answer and null for an empty one', async () => {
    handler = (request, response) => {
      if (request.url?.endsWith('/text')) {
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.end('pong');
      } else {
        response.writeHead(204);
        response.end();
      }
    };
    const http = client();
    expect((await http.send({ method: 'GET', path: '/text' })).body).toBe('pong');
    expect((await http.send({ method: 'DELETE', path: '/customers/1' })).body).toBeNull();
  });

  it('turns a 404 into a typed error through the provider parser, without retrying', async () => {
    handler = (_request, response) => json(response, 404, { error: { code: 'not_found', message: 'customer cus_9 does not exist' } });
    const error = await failure(client(), { method: 'GET', path: '/customers/cus_9' });
    expect(error).toMatchObject({ provider: 'acme', code: 'NOT_FOUND', status: 404, providerCode: 'not_found', message: 'customer cus_9 does not exist', retryable: false, outcomeUnknown: false });
    expect(seen).toHaveLength(1);
  });

  it('lets the parser override the status-derived code', async () => {
    handler = (_request, response) => json(response, 400, { error: { code: 'duplicate', message: 'already exists' } });
    const error = await failure(client(), { method: 'POST', path: '/customers', body: {} });
    expect(error).toMatchObject({ code: 'CONFLICT', status: 400, providerCode: 'duplicate' });
  });

  it('reports a 2xx with broken JSON as MALFORMED_RESPONSE', async () => {
    handler = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"id": "cus_1", "na');
    };
    const error = await failure(client({ retry: { retries: 0 } }), { method: 'GET', path: '/customers/cus_1' });
    expect(error).toMatchObject({ code: 'MALFORMED_RESPONSE', status: 200, provider: 'acme' });
  });
});

describe('ProviderHttp: retries', () => {
  it('retries a rate-limited GET after the Retry-After wait and succeeds', async () => {
    handler = (_request, response, attempt) => {
      if (attempt === 1) json(response, 429, { error: { code: 'rate_limited', message: 'slow down' } }, { 'retry-after': '0' });
      else json(response, 200, { id: 'cus_1' });
    };
    // A backoff of 10 s: only an honoured `Retry-After: 0` lets this finish inside the test's time.
    const started = performance.now();
    const answer = await client({ retry: { retries: 2, baseDelayMs: 10_000, maxDelayMs: 10_000 } }).send({ method: 'GET', path: '/customers/cus_1' });
    expect(answer.body).toEqual({ id: 'cus_1' });
    expect(seen.map((request) => request.method)).toEqual(['GET', 'GET']);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('gives up after the policy\'s retries with the last error, RATE_LIMITED and its wait', async () => {
    handler = (_request, response) => json(response, 429, { error: { code: 'rate_limited', message: 'slow down' } }, { 'retry-after': '0' });
    const error = await failure(client({ retry: { retries: 3 } }), { method: 'GET', path: '/customers' });
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryable: true, retryAfterMs: 0 });
    expect(seen).toHaveLength(4);
  });

  it('does not retry a GET answered with a status that will not change (400)', async () => {
    handler = (_request, response) => json(response, 400, { error: { code: 'invalid', message: 'limit must be a number' } });
    const error = await failure(client(), { method: 'GET', path: '/customers' });
    expect(error).toMatchObject({ code: 'VALIDATION', retryable: false });
    expect(seen).toHaveLength(1);
  });

  it('never retries a POST without an idempotency key, and marks a failed write as outcome unknown', async () => {
    handler = (_request, response) => json(response, 503, { error: { code: 'unavailable', message: 'try later' } });
    const error = await failure(client({ idempotencyHeader: 'Idempotency-Key' }), { method: 'POST', path: '/customers', body: { name: 'Ada' } });
    expect(error).toMatchObject({ code: 'UPSTREAM_ERROR', status: 503, retryable: true, outcomeUnknown: true });
    expect(seen).toHaveLength(1);
  });

  it('never retries a POST with a key when the provider honours none, and sends no key header', async () => {
    handler = (_request, response) => json(response, 503, { error: { code: 'unavailable', message: 'try later' } });
    await failure(client(), { method: 'POST', path: '/customers', body: {}, idempotencyKey: 'key-unhonoured' });
    expect(seen).toHaveLength(1);
    expect(Object.values(seen[0]?.headers ?? {})).not.toContain('key-unhonoured');
  });

  it('retries a POST with a key the provider honours, sending the key on every attempt', async () => {
    handler = (_request, response, attempt) => {
      if (attempt === 1) json(response, 503, { error: { code: 'unavailable', message: 'try later' } });
      else json(response, 201, { id: 'cus_2' });
    };
    const answer = await client({ idempotencyHeader: 'Idempotency-Key' }).send({ method: 'POST', path: '/customers', body: { name: 'Ada' }, idempotencyKey: 'key-123' });
    expect(answer).toMatchObject({ status: 201, body: { id: 'cus_2' } });
    expect(seen).toHaveLength(2);
    expect(seen.map((request) => request.headers['idempotency-key'])).toEqual(['key-123', 'key-123']);
    expect(seen.map((request) => request.body)).toEqual(['{"name":"Ada"}', '{"name":"Ada"}']);
  });
});

describe('ProviderHttp: transport failures', () => {
  const hang: Handler = () => {
    // Never answer: the client's own timeout or signal must end the call.
  };

  it('reports headers that never come as TIMEOUT, retrying a GET', async () => {
    handler = hang;
    const error = await failure(client({ timeouts: { headersMs: 150 }, retry: { retries: 1 } }), { method: 'GET', path: '/customers' });
    expect(error).toMatchObject({ code: 'TIMEOUT', provider: 'acme', retryable: true, outcomeUnknown: false });
    expect(seen).toHaveLength(2);
  });

  it('reports a timed-out POST once, as outcome unknown: it may have been applied', async () => {
    handler = hang;
    const error = await failure(client({ timeouts: { headersMs: 150 } }), { method: 'POST', path: '/customers', body: { name: 'Ada' } });
    expect(error).toMatchObject({ code: 'TIMEOUT', outcomeUnknown: true });
    expect(seen).toHaveLength(1);
  });

  it('reports a refused connection as NETWORK_ERROR; a write that never connected is known not to have happened', async () => {
    const closed = createServer();
    const closedOrigin = await listenOnLoopback(closed);
    await closeServer(closed);
    const http = client({ baseUrl: `${closedOrigin}/v1`, retry: { retries: 1 } });
    const error = await failure(http, { method: 'POST', path: '/customers', body: {} });
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', providerCode: 'ECONNREFUSED', retryable: true, outcomeUnknown: false });
    expect((await failure(http, { method: 'GET', path: '/customers' })).code).toBe('NETWORK_ERROR');
  });

  it('reports a call cancelled in flight as ABORTED, without retrying', async () => {
    handler = hang;
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('client went away')), 100);
    const error = await failure(client({ retry: { retries: 3 } }), { method: 'GET', path: '/customers', signal: controller.signal });
    expect(error).toMatchObject({ code: 'ABORTED', provider: 'acme', retryable: false });
    expect(seen).toHaveLength(1);
  });

  it('reports a call whose signal is already aborted as ABORTED, sending nothing', async () => {
    const error = await failure(client(), { method: 'GET', path: '/customers', signal: AbortSignal.abort() });
    expect(error.code).toBe('ABORTED');
    expect(seen).toHaveLength(0);
  });

  it('stops retrying when the signal aborts during the backoff', async () => {
    handler = (_request, response) => json(response, 503, { error: { code: 'unavailable', message: 'try later' } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    const error = await failure(client({ retry: { retries: 5, baseDelayMs: 10_000, maxDelayMs: 10_000 } }), { method: 'GET', path: '/customers', signal: controller.signal });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(seen).toHaveLength(1);
    expect(error.provider).toBe('acme');
    expect(error.code).toBe('ABORTED');
  });
});

describe('ProviderHttp: secrets', () => {
  it('reports a refused key as UNAUTHENTICATED, naming the provider but not the key', async () => {
    handler = (_request, response) => json(response, 401, { error: { code: 'unauthorized', message: 'Invalid API key' } });
    const error = await failure(client(), { method: 'GET', path: '/customers' });
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', status: 401, provider: 'acme', retryable: false });
    expect(seen[0]?.headers.authorization).toBe(AUTHORIZATION);
  });
});
