import { generateKeyPairSync, createHash, sign, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../src/front-door/api-keys';
import type { AuthSettings } from '../../src/front-door/authentication';
import { gatewayUnderTest, startTestGateway } from '../support/gateway';
import { loopbackServer } from '../support/loopback';

const readerKey = 'reader-key-0123456789abcdef';
const writerKey = 'writer-key-0123456789abcdef';
const limitedKey = 'limited-key-0123456789abcdef';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };
const { origin: jwksOrigin } = await loopbackServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
const jwksUrl = `${jwksOrigin}/.well-known/jwks.json`;

function token(claims: Record<string, unknown>, key: KeyObject = privateKey, kid = 'test-key'): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${encode({ alg: 'RS256', typ: 'JWT', kid })}.${encode({ iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 300, ...claims })}`;
  return `${body}.${sign('sha256', Buffer.from(body), key).toString('base64url')}`;
}

const auth: AuthSettings = {
  mode: 'required',
  apiKeys: [
    { name: 'reader', digest: sha256(readerKey), scopes: ['customers:read'], requestsPerMinute: null },
    // Given hashed, as `sha256:<hex>` in API_KEYS.
    { name: 'writer', digest: Buffer.from(createHash('sha256').update(writerKey).digest('hex'), 'hex'), scopes: ['customers:read', 'customers:write'], requestsPerMinute: null },
    { name: 'limited', digest: sha256(limitedKey), scopes: ['customers:read'], requestsPerMinute: 2 },
  ],
  jwt: { jwksUrl, issuer: 'https://issuer.test/', audience: 'customer-graph' },
};
const gateway = await gatewayUnderTest({ people: 40, frontDoor: { auth } });

async function post(query: string, authorization?: string) {
  const response = await gateway.request({ query }, authorization === undefined ? {} : { authorization });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

const read = '{ customer(id: "stigg:user_000001") { id } }';
const update = 'mutation { updateCustomer(input: { id: "stigg:user_000002", name: "Renamed" }) { __typename } }';
const remove = 'mutation { deleteCustomer(input: { id: "orb:whoever" }) { __typename } }';

describe('API keys', () => {
  it('refuse a missing or unknown key with 401, never echoing it', async () => {
    for (const authorization of [undefined, 'Bearer not-a-key-at-all-0000', 'Basic abc', `Bearer ${readerKey}x`]) {
      const result = await post(read, authorization);
      expect(result.status, String(authorization)).toBe(401);
      expect(result.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(result.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(result.body)).not.toContain('not-a-key');
    }
  });

  it('admit a key by its plaintext or its sha256, within its scopes', async () => {
    expect((await post(read, `Bearer ${readerKey}`)).body.data.customer.id).toBe('stigg:user_000001');
    gateway.clearUpstream();
    const forbidden = await post(update, `Bearer ${readerKey}`);
    expect(forbidden.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'customers:write' });
    expect(forbidden.body.errors[0].message).toContain('customers:write');
    expect(gateway.upstream()).toEqual([]);
    expect((await post(update, `Bearer ${writerKey}`)).body.data.updateCustomer.__typename).toBe('UpdateCustomerPayload');
    const noDelete = await post(remove, `Bearer ${writerKey}`);
    expect(noDelete.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'customers:delete' });
  });

  it('limit a key to its requestsPerMinute with 429 and Retry-After', async () => {
    expect((await post(read, `Bearer ${limitedKey}`)).status).toBe(200);
    expect((await post(read, `Bearer ${limitedKey}`)).status).toBe(200);
    const refused = await post(read, `Bearer ${limitedKey}`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    // Another key is not held back by this one.
    expect((await post(read, `Bearer ${readerKey}`)).status).toBe(200);
  });
});

describe('JWT (JWKS, issuer, audience, scope claim)', () => {
  it('admits a valid token with the scopes of its scope claim', async () => {
    const valid = token({ iss: 'https://issuer.test/', aud: 'customer-graph', sub: 'service-a', scope: 'customers:read customers:delete' });
    expect((await post(read, `Bearer ${valid}`)).body.data.customer.id).toBe('stigg:user_000001');
    const forbidden = await post(update, `Bearer ${valid}`);
    expect(forbidden.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'customers:write' });
  });

  it('refuses a token for another audience, from another issuer, expired, or signed by another key with 401', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const claims = { iss: 'https://issuer.test/', aud: 'customer-graph', scope: 'customers:read' };
    for (const bad of [
      token({ ...claims, aud: 'someone-else' }),
      token({ ...claims, iss: 'https://evil.test/' }),
      token({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }),
      token(claims, other),
    ]) {
      const result = await post(read, `Bearer ${bad}`);
      expect(result.status).toBe(401);
      expect(result.body.data ?? null).toBeNull();
    }
  });
});

describe('subscriptions', () => {
  async function subscribe(authorization: string, signal?: AbortSignal) {
    return gateway.request({ query: 'subscription { customerChanged(externalId: "user_000001") { kind } }' }, { accept: 'text/event-stream', authorization }, signal);
  }

  it('refuse customerChanged to a caller without customers:read, naming the scope', async () => {
    const writeOnly = token({ iss: 'https://issuer.test/', aud: 'customer-graph', sub: 'service-b', scope: 'customers:write' });
    const response = await subscribe(`Bearer ${writeOnly}`);
    const text = await response.text();
    expect(text).toContain('FORBIDDEN');
    expect(text).toContain('customers:read');
  });

  it('open the stream to a caller with customers:read', async () => {
    const controller = new AbortController();
    const response = await subscribe(`Bearer ${readerKey}`, controller.signal);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    controller.abort();
  });
});

describe('open for development', () => {
  it('gives every caller every scope and ignores an Authorization header', async () => {
    const open = await startTestGateway({ people: 20 });
    try {
      for (const authorization of [undefined, 'Bearer whatever', 'Basic abc']) {
        const response = await open.request({ query: remove }, authorization === undefined ? {} : { authorization });
        const body = await response.json();
        expect(response.status).toBe(200);
        expect(body.data.deleteCustomer.__typename).not.toBe(undefined);
        expect(JSON.stringify(body)).not.toContain('FORBIDDEN');
      }
    } finally {
      await open.close();
    }
  });
});
