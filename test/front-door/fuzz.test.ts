import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/front-door/api-keys';
import { gatewayUnderTest } from '../support/gateway';
import { watchUnhandledRejections } from '../support/unhandled';

/**
 * Property: whatever a client sends, the gateway answers, a client mistake is never INTERNAL_SERVER_ERROR, and
 * nothing malformed reaches a provider. FUZZ_RUNS sets the number of requests (CI: a few hundred; by hand: 10,000+).
 */
const runs = Number(process.env.FUZZ_RUNS ?? 400);
const key = 'fuzz-key-0123456789abcdef';
const unhandled = watchUnhandledRejections();
const tally = { requests: 0, internal: 0, statuses: new Map<number, number>() };

const gateway = await gatewayUnderTest({
  people: 40,
  retry: { retries: 0 },
  frontDoor: {
    production: true,
    auth: { mode: 'required', apiKeys: [{ name: 'fuzz', digest: sha256(key), scopes: ['customers:read', 'customers:write', 'customers:delete'], requestsPerMinute: null }], jwt: null },
  },
});
// Runs before the gateway closes (after-hooks run last-registered first).
afterAll(() => {
  console.log(`fuzz: ${tally.requests} requests, ${tally.internal} internal errors, statuses ${JSON.stringify(Object.fromEntries(tally.statuses))}, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  unhandled.stop();
});

const tricky = ['.', '..', '', ' ', '/', '%2e%2e', '..%2f', '\u0000', '\n', '\ud800', '\udfff', 'a\u200bb', '😀', 'x'.repeat(300), '?a=b', '#', '\\', '"', "'", '{', '$var'];
const prefixes = ['orb:', 'stigg:', 'omise:', 'polar:', 'synctera:', 'cust_test_', 'acme:', ':', ''];
const text = fc.oneof(fc.constantFrom(...tricky), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 10 }));
const id = fc.tuple(fc.constantFrom(...prefixes), text, fc.constantFrom('', 'user_000001', '..')).map(([prefix, middle, tail]) => `${prefix}${middle}${tail}`);

const customerFields = ['id', 'provider', 'providerId', 'externalId', 'email', 'name', 'status', 'metadata', 'raw', 'createdAt', 'billingAddress { line1 }', 'state { balance { amount } verification }', 'entitlements { featureId hasAccess }', 'profile { externalId customers { id } }', '__typename', 'nope'];
const selection = fc.uniqueArray(fc.constantFrom(...customerFields), { minLength: 1, maxLength: 4 }).map((fields) => fields.join(' '));
const literal = (value: string) => JSON.stringify(value);

const operation = fc.oneof(
  fc.tuple(id, selection).map(([value, fields]) => ({ query: `query($id: ID!) { customer(id: $id) { ${fields} } }`, variables: { id: value } })),
  fc.tuple(id, selection).map(([value, fields]) => ({ query: `{ node(id: ${literal(value)}) { id ... on Customer { ${fields} } } }` })),
  fc.tuple(fc.array(id, { maxLength: 6 }), selection).map(([ids, fields]) => ({ query: `query($ids: [ID!]!) { customersByIds(ids: $ids) { ${fields} } }`, variables: { ids } })),
  fc.array(id, { maxLength: 6 }).map((ids) => ({ query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids } })),
  fc.array(text, { maxLength: 4 }).map((externalIds) => ({ query: 'query($e: [String!]!) { customersByExternalIds(externalIds: $e) { id } }', variables: { e: externalIds } })),
  fc.array(fc.oneof(fc.jsonValue(), fc.record({ __typename: fc.constantFrom('Customer', 'Order', ''), id, externalId: text, provider: fc.oneof(text, fc.constantFrom('ORB', 'polar')) }, { requiredKeys: [] })), { maxLength: 5 }).map((representations) => ({
    query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id } } }',
    variables: { r: representations },
  })),
  fc.tuple(text, fc.constantFrom('ORB', 'STIGG', 'OMISE', 'POLAR', 'SYNCTERA', 'NOPE')).map(([externalId, provider]) => ({ query: `query($e: String!) { customerByExternalId(externalId: $e, provider: ${provider}) { id } profile(externalId: $e) { externalId } }`, variables: { e: externalId } })),
  fc.tuple(fc.integer({ min: -5, max: 300 }), fc.oneof(fc.constant(null), text, fc.base64String({ maxLength: 80 })), fc.constantFrom('', 'provider: POLAR,', 'provider: ORB,')).map(([first, after, provider]) => ({
    query: `query($after: String) { customers(${provider} first: ${first}, after: $after) { pageInfo { endCursor } nodes { id } } }`,
    variables: { after },
  })),
  fc.tuple(id, text, fc.constantFrom('deleteCustomer', 'archiveCustomer', 'unarchiveCustomer', 'syncPaymentMethods')).map(([value, idempotencyKey, mutation]) => ({
    query: `mutation($input: CustomerTargetInput!) { ${mutation}(input: $input) { __typename ... on Error { code } } }`,
    variables: { input: { id: value, idempotencyKey } },
  })),
  fc.tuple(text, fc.jsonValue(), text).map(([externalId, metadata, name]) => ({
    query: 'mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { __typename } }',
    variables: { input: { externalId, name, metadata } },
  })),
  fc.tuple(fc.integer({ min: 1, max: 40 }), fc.constantFrom('profile { customers { ', 'customers(first: 100) { nodes { ', 'a: providers { health { ok } } b: providers { ')).map(([depth, opening]) => ({
    query: `{ customer(id: "stigg:user_000001") { ${opening.repeat(depth)}id${' } }'.repeat(depth)} } }`,
  })),
  fc.string({ maxLength: 200 }).map((query) => ({ query })),
  fc.jsonValue().map((anything) => ({ query: '{ __typename }', variables: anything })),
);

type Sent = { query?: unknown; variables?: unknown };
const transports = fc.constantFrom('json', 'get', 'form', 'batch', 'garbage-json', 'no-key', 'bad-key');

async function send(how: string, body: Sent): Promise<Response> {
  const base = 'http://gateway.test/graphql';
  const auth = { authorization: `Bearer ${how === 'bad-key' ? `${key}x` : key}` };
  switch (how) {
    case 'get': {
      const params = new URLSearchParams({ query: String(body.query) });
      if (body.variables !== undefined) params.set('variables', JSON.stringify(body.variables));
      return gateway.app.yoga.fetch(`${base}?${params}`, { headers: { ...auth, 'x-graphql-yoga-csrf': '1', accept: 'application/json' } });
    }
    case 'form':
      return gateway.app.yoga.fetch(base, { method: 'POST', headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' }, body: `query=${encodeURIComponent(String(body.query))}` });
    case 'batch':
      return gateway.app.yoga.fetch(base, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify([body, body]) });
    case 'garbage-json':
      return gateway.app.yoga.fetch(base, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body).slice(0, -1) });
    case 'no-key':
      return gateway.app.yoga.fetch(base, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    default:
      return gateway.app.yoga.fetch(base, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }
}

describe('fuzz: generated documents, variables, ids and transports through yoga.fetch', () => {
  it(`answers ${runs} requests with no internal error, no crash and nothing malformed upstream`, async () => {
    await fc.assert(
      fc.asyncProperty(transports, operation, async (how, body) => {
        const response = await send(how, body);
        const text = await response.text();
        tally.requests++;
        tally.statuses.set(response.status, (tally.statuses.get(response.status) ?? 0) + 1);
        if (text.includes('INTERNAL_SERVER_ERROR') || response.status >= 500) tally.internal++;
        expect(response.status, text.slice(0, 300)).toBeLessThan(500);
        expect(text).not.toContain('INTERNAL_SERVER_ERROR');
        if (how === 'no-key' || how === 'bad-key') expect(response.status).toBe(401);
        if (how === 'form') expect(response.status).toBe(403);
      }),
      { numRuns: runs, seed: Number(process.env.FUZZ_SEED ?? 8) },
    );
    // The property is only worth something if generated requests did reach providers.
    expect(gateway.upstream().length).toBeGreaterThan(runs / 20);
    for (const request of gateway.upstream()) {
      const segments = request.path.split('/');
      expect(segments.filter((segment) => /^(\.|%2e){1,2}$/i.test(segment)), request.path).toEqual([]);
      expect(request.path, request.path).not.toMatch(/[\u0000-\u001f\u007f\s]/);
      expect(request.path.includes('//'), request.path).toBe(false);
    }
    expect(unhandled.seen()).toEqual([]);
  }, 60_000 + runs * 25);
});
