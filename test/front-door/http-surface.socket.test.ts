import { describe, expect, it } from 'vitest';
import { sha256 } from '../../src/front-door/api-keys';
import { gatewayUnderTest } from '../support/gateway';
import { loopbackServer } from '../support/loopback';

/** Over a real socket: the headers a browser and a proxy see. A production gateway with one key. */
const key = 'production-key-0123456789abcdef';
const canary = 'canary-secret-should-never-appear';
const gateway = await gatewayUnderTest({
  people: 30,
  frontDoor: {
    production: true,
    corsOrigins: ['https://app.example.com'],
    bodyLimitBytes: 4096,
    auth: { mode: 'required', apiKeys: [{ name: 'router', digest: sha256(key), scopes: ['customers:read', 'customers:write', 'customers:delete'], requestsPerMinute: null }], jwt: null },
  },
});
const { origin } = await loopbackServer(gateway.app.yoga);
const url = `${origin}/graphql`;

const json = { 'content-type': 'application/json', authorization: `Bearer ${key}` };

async function graph(query: string, headers: Record<string, string> = json) {
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query }) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: any; errors?: any[] } };
}

describe('CORS from the allow-list only, never with credentials', () => {
  it('answers a listed origin and nobody else', async () => {
    const preflight = (origin: string) =>
      fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
    const listed = await preflight('https://app.example.com');
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(listed.headers.get('access-control-allow-credentials')).toBeNull();
    expect(listed.headers.get('access-control-allow-headers')).toContain('authorization');
    for (const origin of ['https://evil.example', 'null']) {
      const other = await preflight(origin);
      expect(other.headers.get('access-control-allow-origin'), origin).toBeNull();
      expect(other.headers.get('access-control-allow-credentials'), origin).toBeNull();
      const post = await fetch(url, { method: 'POST', headers: { ...json, origin }, body: JSON.stringify({ query: '{ __typename }' }) });
      expect(post.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });
});

describe('CSRF prevention', () => {
  it('refuses simple cross-site posts (form-encoded, multipart, text/plain) before anything runs', async () => {
    gateway.clearUpstream();
    const mutation = 'mutation { deleteCustomer(input: { id: "stigg:user_000003" }) { __typename } }';
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: mutation }));
    form.set('map', '{}');
    const attempts = [
      fetch(url, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-www-form-urlencoded' }, body: `query=${encodeURIComponent(mutation)}` }),
      fetch(url, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: form }),
      fetch(url, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'text/plain' }, body: JSON.stringify({ query: mutation }) }),
      fetch(`${url}?query=${encodeURIComponent('{ customer(id: "stigg:user_000001") { id } }')}`, { headers: { authorization: `Bearer ${key}` } }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('CSRF');
    }
    expect(gateway.upstream()).toEqual([]);
    const withHeader = await fetch(`${url}?query=${encodeURIComponent('{ customer(id: "stigg:user_000001") { id } }')}`, {
      headers: { authorization: `Bearer ${key}`, 'x-graphql-yoga-csrf': '1', accept: 'application/json' },
    });
    expect(withHeader.status).toBe(200);
  });
});

describe('request shape', () => {
  it('refuses a body over the limit with 413, by Content-Length and when streamed without one', async () => {
    const big = JSON.stringify({ query: `{ customer(id: "${'x'.repeat(5000)}") { id } }` });
    const declared = await fetch(url, { method: 'POST', headers: json, body: big });
    expect(declared.status).toBe(413);
    const streamed = await fetch(url, {
      method: 'POST',
      headers: json,
      body: new ReadableStream({ start: (controller) => (controller.enqueue(new TextEncoder().encode(big)), controller.close()) }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('refuses a batch (an array of operations)', async () => {
    const response = await fetch(url, { method: 'POST', headers: json, body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]) });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});

describe('production mode', () => {
  it('turns off introspection, _sdl, suggestions and GraphiQL, and publishes no base URL', async () => {
    const introspection = await graph('{ __schema { queryType { name } } }');
    expect(introspection.body.errors![0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const sdl = await graph('{ _sdl }');
    expect(sdl.body.errors![0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await graph('{ custmer(id: "x") { id } }');
    expect(JSON.stringify(typo.body)).not.toMatch(/Did you mean/);
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toContain('graphiql');
    const providers = await graph('{ providers { name baseUrl } }');
    expect(providers.body.data.providers.map((provider: { baseUrl: string | null }) => provider.baseUrl)).toEqual([null, null, null, null, null]);
    expect(JSON.stringify(providers.body)).not.toContain('127.0.0.1');
  });

  it('answers _service { sdl } to a caller with a key (a federation router)', async () => {
    const service = await graph('{ _service { sdl } }');
    expect(service.body.data._service.sdl).toContain('type Customer');
  });

  it('never echoes a key, in errors or anywhere else', async () => {
    const responses = [
      await graph(read(canary), { 'content-type': 'application/json', authorization: `Bearer ${canary}` }),
      await graph(read(canary)),
      await graph(`mutation { createCustomer(input: { provider: ORB, name: "x", idempotencyKey: "${canary}", metadata: { k: "${canary}" } }) { __typename } }`, {
        ...json,
        authorization: `Bearer ${key}`,
      }),
    ];
    for (const response of responses) expect(JSON.stringify(response.body)).not.toContain(key);
    expect(JSON.stringify(responses[0]!.body)).not.toContain(canary);
  });
});

function read(id: string): string {
  return `{ customer(id: "orb:${id}") { id } }`;
}
