import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttemptControl } from '../../src/providers/kit/attempt-control';
import { ConcurrencyCeiling } from '../../src/providers/kit/concurrency-ceiling';
import { exchange } from '../../src/providers/kit/exchange';

let server: Server;
let origin: string;
let handler: (request: IncomingMessage, response: ServerResponse) => void = () => undefined;
/** Requests whose sockets the server saw closed before it answered. */
let abandoned = 0;
const agent = new Agent({ connections: 4 });

beforeAll(async () => {
  server = createServer((request, response) => {
    request.socket.once('close', () => {
      if (!response.writableEnded) abandoned++;
    });
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await agent.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const get = (path: string, control = new AttemptControl()) => exchange(agent, { origin, path, method: 'GET', headers: { accept: 'application/json' } }, control);

describe('exchange', () => {
  it('reads a whole answer sent in several chunks, with its status and lower-case headers, as UTF-8 without a byte order mark', async () => {
    handler = (_request, response) => {
      response.writeHead(201, { 'Content-Type': 'application/json', 'Retry-After': '3' });
      response.write(Buffer.from([0xef, 0xbb, 0xbf]));
      response.write('{"name":"Zoë ');
      setTimeout(() => response.end('Ünal"}'), 10);
    };
    const answer = await get('/chunks');
    expect(answer.status).toBe(201);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.headers['retry-after']).toBe('3');
    expect(JSON.parse(answer.text)).toEqual({ name: 'Zoë Ünal' });
  });

  it('is cancelled by its control while the provider says nothing: it rejects with the reason and the socket is closed', async () => {
    handler = () => undefined;
    const control = new AttemptControl();
    const before = abandoned;
    const answer = get('/hangs', control);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const reason = new Error('attempt timed out');
    control.abort(reason);
    await expect(answer).rejects.toBe(reason);
    await expect.poll(() => abandoned).toBe(before + 1);
  });

  it('is not sent at all when its control was stopped before', async () => {
    let seen = 0;
    handler = (_request, response) => {
      seen++;
      response.end('{}');
    };
    const control = new AttemptControl();
    const reason = new Error('the hedge answered first');
    control.abort(reason);
    await expect(get('/never', control)).rejects.toBe(reason);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toBe(0);
  });

  it('rejects with undici\'s error when the provider closes the connection mid-answer', async () => {
    handler = (request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      response.write('{"partial":');
      setTimeout(() => request.socket.destroy(), 10);
    };
    await expect(get('/cut')).rejects.toMatchObject({ code: expect.stringMatching(/^UND_ERR/) });
  });
});

describe('AttemptControl', () => {
  it('keeps the first reason, makes its signal only when asked (aborted already if it is), and calls a cancel registered late at once', () => {
    const control = new AttemptControl();
    const first = new Error('timeout');
    control.abort(first);
    control.abort(new Error('hedge lost'));
    expect(control.aborted).toBe(true);
    expect(control.reason).toBe(first);
    expect(control.signal.aborted).toBe(true);
    expect(control.signal.reason).toBe(first);
    const heard: unknown[] = [];
    control.onAbort((reason) => heard.push(reason));
    expect(heard).toEqual([first]);
  });

  it('calls its current cancel once, not one that was cleared, and aborts a signal made before', () => {
    const control = new AttemptControl();
    const signal = control.signal;
    const heard: string[] = [];
    control.onAbort(() => heard.push('cleared'));
    control.onAbort(undefined);
    control.onAbort(() => heard.push('current'));
    control.abort(new Error('stop'));
    control.abort(new Error('again'));
    expect(heard).toEqual(['current']);
    expect(signal.aborted).toBe(true);
  });
});

describe('ConcurrencyCeiling waits', () => {
  it('let an attempt cancelled while waiting for a slot leave the queue, and the next caller get the slot', async () => {
    const ceiling = new ConcurrencyCeiling(1);
    const release = await ceiling.acquire('acme', undefined);
    const cancelled = new AttemptControl();
    const waiting = ceiling.acquire('acme', cancelled);
    const next = ceiling.acquire('acme', new AttemptControl());
    expect(ceiling.queued('acme')).toBe(2);
    const reason = new Error('the request was cancelled');
    cancelled.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    expect(ceiling.queued('acme')).toBe(1);
    release();
    const granted = await next;
    expect(ceiling.inFlight('acme')).toBe(1);
    granted();
    expect(ceiling.inFlight('acme')).toBe(0);
  });
});
