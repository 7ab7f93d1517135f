import http, { type ClientRequestArgs, type IncomingHttpHeaders } from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import Omise, { Scheme } from 'omise';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Loose } from '../support/http';
import { closeServer, listenOnLoopback } from '../support/loopback';
import { startTestSandbox } from '../support/provider-setup';

/**
 * Omise's official Node client (omise 1.1.0), unchanged, against the sandbox.
 *
 * The client takes `host` and `scheme` but no port and no path prefix: it always sends `/customers…` to port 80
 * (http) or 443, and hands Node `agent: undefined` unless `http_proxy` is set. So the test gives it what
 * api.omise.co is, without touching the client: a front door on a free port that serves the sandbox's `/omise`
 * at the root path, and Node's global HTTP agent, which connects every request (the client's "port 80") to that
 * front door. Both are restored afterwards.
 */
const sandbox = await startTestSandbox(['omise']);
let frontDoor: http.Server;
let upstreamAgent: http.Agent;
let previousGlobalAgent: http.Agent;
let previousProxy: string | undefined;
let omise: Loose;
const seen: { method: string; url: string; headers: IncomingHttpHeaders }[] = [];

/** Connects whatever host and port a request names to the front door. */
class FrontDoorAgent extends http.Agent {
  constructor(private readonly port: number) {
    super({ keepAlive: false });
  }

  override createConnection(_options: ClientRequestArgs, callback?: (error: Error | null, stream: Duplex) => void): Duplex {
    const socket = net.createConnection({ host: '127.0.0.1', port: this.port });
    socket.once('connect', () => callback?.(null, socket));
    return socket;
  }
}

beforeAll(async () => {
  const target = new URL(sandbox.baseUrls.omise as string);
  upstreamAgent = new http.Agent({ keepAlive: false });
  frontDoor = http.createServer((request, response) => {
    seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: `${target.pathname}${request.url ?? '/'}`, method: request.method, headers: request.headers, agent: upstreamAgent },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  const port = Number(new URL(await listenOnLoopback(frontDoor)).port);
  // With `http_proxy` set, the client would tunnel through that proxy instead of the global agent.
  previousProxy = process.env.http_proxy;
  delete process.env.http_proxy;
  previousGlobalAgent = http.globalAgent;
  http.globalAgent = new FrontDoorAgent(port);
  omise = Omise({ secretKey: 'skey_test_sandbox', publicKey: 'pkey_test_sandbox', omiseVersion: '2019-05-29', host: 'api.omise.co', scheme: Scheme.Http });
});
afterAll(async () => {
  http.globalAgent = previousGlobalAgent;
  if (previousProxy !== undefined) process.env.http_proxy = previousProxy;
  await closeServer(frontDoor);
  upstreamAgent.destroy();
});
beforeEach(() => {
  seen.length = 0;
});

/** The nested card list's `to` is the time of each answer; everything else must repeat exactly. */
function stable(customer: Loose): Loose {
  return { ...customer, cards: { ...customer.cards, to: '(time of the answer)' } };
}

describe('omise-node against the sandbox', () => {
  it('creates, retrieves, lists, updates, searches and destroys a customer', async () => {
    const created = await omise.customers.create({
      email: 'ploy.charoen@example.com',
      description: 'Ploy Charoen',
      metadata: { external_id: 'client_0001', plan: 'growth' },
    });
    expect(created).toMatchObject({ object: 'customer', email: 'ploy.charoen@example.com', description: 'Ploy Charoen', deleted: false, metadata: { external_id: 'client_0001', plan: 'growth' } });
    expect(created.id).toMatch(/^cust_test_[0-9a-z]{19}$/);
    expect(stable(await omise.customers.retrieve(created.id))).toEqual(stable(created));

    const newest = await omise.customers.list({ limit: 5, order: 'reverse_chronological' });
    expect(newest).toMatchObject({ object: 'list', limit: 5, offset: 0, order: 'reverse_chronological', total: sandbox.customerCounts().omise });
    expect(newest.data[0].id).toBe(created.id);

    const updated = await omise.customers.update(created.id, { description: 'Ploy C.', metadata: { external_id: 'client_0001', plan: 'enterprise' } });
    expect(updated).toMatchObject({ id: created.id, description: 'Ploy C.', metadata: { external_id: 'client_0001', plan: 'enterprise' } });

    const found = await omise.search.list({ scope: 'customer', query: 'ploy.charoen@example.com' });
    expect(found).toMatchObject({ object: 'search', scope: 'customer', total: 1, page: 1 });
    expect(found.data[0].id).toBe(created.id);

    expect(await omise.customers.destroy(created.id)).toEqual({ object: 'customer', id: created.id, livemode: false, deleted: true });
    expect(await omise.customers.retrieve(created.id)).toMatchObject({ id: created.id, deleted: true });
  });

  it('pages through the list with offset and limit as the client sends them', async () => {
    const ids: string[] = [];
    let total = Infinity;
    while (ids.length < total) {
      const page = await omise.customers.list({ offset: ids.length, limit: 100 });
      total = page.total;
      ids.push(...page.data.map((customer: Loose) => customer.id));
    }
    expect(ids.length).toBe(sandbox.customerCounts().omise);
    expect(new Set(ids).size).toBe(ids.length);
    expect(seen.at(-1)?.url).toMatch(/^\/customers\?offset=\d+&limit=100$/);
  });

  it('sends what the docs say: Basic auth with the secret key, JSON bodies, Omise-Version', async () => {
    await omise.customers.create({ email: 'headers@example.com' });
    const [request] = seen;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/customers');
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from('skey_test_sandbox:').toString('base64')}`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['omise-version']).toBe('2019-05-29');
    expect(request?.headers['user-agent']).toMatch(/^OmiseNode\/1\.1\.0/);
  });

  it('manages cards and reads schedules', async () => {
    const customer = await omise.customers.create({ email: 'cards@example.com', card: 'tokn_test_client0000000001' });
    await omise.customers.update(customer.id, { card: 'tokn_test_client0000000002' });
    const cards = await omise.customers.listCards(customer.id);
    expect(cards).toMatchObject({ object: 'list', total: 2 });
    const [first, second] = cards.data;
    expect(await omise.customers.retrieveCard(customer.id, first.id)).toEqual(first);
    expect(await omise.customers.updateCard(customer.id, first.id, { expiration_month: 9, expiration_year: 2031 })).toMatchObject({ id: first.id, expiration_month: 9, expiration_year: 2031 });
    expect(await omise.customers.destroyCard(customer.id, first.id)).toEqual({ object: 'card', id: first.id, livemode: false, deleted: true });
    expect((await omise.customers.retrieve(customer.id)).default_card).toBe(second.id);
    expect(await omise.customers.schedules(customer.id)).toMatchObject({ object: 'list', data: [], total: 0 });
  });

  it('rejects with the Omise error object, through promises and callbacks alike', async () => {
    await expect(omise.customers.retrieve('cust_test_0000000000000000000')).rejects.toEqual({
      object: 'error', location: 'https://www.omise.co/api-errors#not-found', code: 'not_found', message: 'customer cust_test_0000000000000000000 was not found',
    });
    const anonymous: Loose = Omise({ secretKey: '', host: 'api.omise.co', scheme: Scheme.Http });
    await expect(anonymous.customers.list()).rejects.toMatchObject({ code: 'authentication_failure', message: 'authentication failed' });
    const viaCallback = await new Promise<{ error: Loose; response: Loose }>((resolve) => {
      omise.customers.list({ limit: 2 }, (error: Loose, response: Loose) => resolve({ error, response }));
    });
    expect(viaCallback.error).toBeNull();
    expect(viaCallback.response.data).toHaveLength(2);
  });

  it('cannot send search filters: its querystring encoding turns a filters object into a bare `filters=`', async () => {
    const result = await omise.search.list({ scope: 'customer', filters: { created: '2026-01-01..2026-01-31' } });
    expect(seen.at(-1)?.url).toBe('/search?scope=customer&filters=');
    // The sandbox reads the bare `filters=` as no filter, so the client still gets an answer: every customer.
    expect(result).toMatchObject({ object: 'search', filters: {}, total: sandbox.customerCounts().omise });
  });
});
