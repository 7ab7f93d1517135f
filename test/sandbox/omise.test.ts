import { describe, expect, it } from 'vitest';
import { EVERYWHERE_PEOPLE, generatePeople } from '../../src/sandbox/shared/people';
import { call, type Loose } from '../support/http';
import { startTestSandbox, withSeedTwins } from '../support/provider-setup';
import { walkPages } from '../support/walk';

const SEED_NOW = new Date('2026-11-01T00:00:00Z');
const PEOPLE = 200;
const ERRORS = 'https://www.omise.co/api-errors#';
const people = generatePeople(42, PEOPLE, SEED_NOW);
const AUTH = `Basic ${Buffer.from('skey_test_sandbox:').toString('base64')}`;

const sandbox = await startTestSandbox(['omise'], { people: PEOPLE });
const base = sandbox.baseUrls.omise as string;

interface OmiseInit {
  method?: string;
  /** An object is sent as JSON; a string as it is (with `contentType`). */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
  authorization?: string | null;
}

function omise(path: string, init: OmiseInit = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.authorization !== null) headers.authorization = init.authorization ?? AUTH;
  let body: string | undefined;
  if (typeof init.body === 'string') {
    body = init.body;
    headers['content-type'] = init.contentType ?? 'application/x-www-form-urlencoded';
  } else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] = 'application/json';
  }
  return call(`${base}${path}`, { method: init.method ?? 'GET', headers, body });
}

function error(code: string, message: string) {
  return { object: 'error', location: `${ERRORS}${code.replace(/_/g, '-')}`, code, message };
}

/**
 * Every customer of an offset walk. Newest first, `to` is pinned to the newest `created_at` of the first page, so
 * customers created during the walk stay out of it (chronologically they come last and need no pin).
 */
async function walk(query = 'order=reverse_chronological', limit = 37, between?: (page: number) => Promise<void>): Promise<Loose[]> {
  let to: string | null = null;
  return walkPages<Loose, number>(async (cursor, page) => {
    const offset = cursor ?? 0;
    const pin: string = to === null ? '' : `&to=${encodeURIComponent(to)}`;
    const response = await omise(`/customers?${query}&limit=${limit}&offset=${offset}${pin}`);
    expect(response.status).toBe(200);
    expect(response.body.offset).toBe(offset);
    const data: Loose[] = response.body.data;
    if (data.length === 0) return { items: [], next: null };
    if (query.includes('reverse_chronological')) to ??= (data[0] as Loose).created_at;
    await between?.(page);
    const seen = offset + data.length;
    return { items: data, next: seen < response.body.total ? seen : null };
  });
}

async function everyCustomer(): Promise<Loose[]> {
  return walk('order=chronological', 100);
}

function ids(customers: Loose[]): string[] {
  return customers.map((customer) => customer.id);
}

function times(customers: Loose[]): number[] {
  return customers.map((customer) => Date.parse(customer.created_at));
}

async function create(body: unknown = {}): Promise<Loose> {
  const response = await omise('/customers', { method: 'POST', body });
  expect(response.status).toBe(200);
  return response.body;
}

describe('omise simulator: auth and routing', () => {
  it('answers a missing, empty or non-Basic credential with the documented 401 body', async () => {
    const expected = error('authentication_failure', 'authentication failed');
    const empty = `Basic ${Buffer.from(':').toString('base64')}`;
    for (const authorization of [null, 'Basic ', empty, 'Bearer skey_test_x']) {
      const response = await omise('/customers', { authorization });
      expect(response.status).toBe(401);
      expect(response.body).toEqual(expected);
    }
    expect((await omise('/customers/cust_test_nope', { method: 'DELETE', authorization: null })).status).toBe(401);
  });

  it('accepts any non-empty secret key, with or without a password part, and any Omise-Version', async () => {
    for (const key of ['skey_test_anything:', 'skey_live_other', 'x:y']) {
      const response = await omise('/customers?limit=1', { authorization: `Basic ${Buffer.from(key).toString('base64')}`, headers: { 'omise-version': '2019-05-29' } });
      expect(response.status).toBe(200);
    }
  });

  it('serves /customers and /search at the sandbox root too, for omise-node, which takes no path prefix', async () => {
    const prefixed = await omise('/customers?limit=3');
    const root = await call(`${sandbox.url}/customers?limit=3`, { headers: { authorization: AUTH } });
    expect(root.status).toBe(200);
    expect(root.body.data.map((customer: { id: string }) => customer.id)).toEqual(prefixed.body.data.map((customer: { id: string }) => customer.id));
    const search = await call(`${sandbox.url}/search?scope=customer&per_page=2`, { headers: { authorization: AUTH } });
    expect(search.body.object).toBe('search');
    expect((await call(`${sandbox.url}/customers`)).status).toBe(401);
  });

  it('answers unknown paths and unserved methods with not_found', async () => {
    for (const [method, path] of [['GET', '/charges'], ['PUT', '/customers/cust_test_x'], ['POST', '/customers/cust_test_x']]) {
      const response = await omise(path as string, { method });
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('not_found');
      expect(response.body.object).toBe('error');
    }
  });

  it('renders injected faults in the Omise error shape, 429 with Retry-After', async () => {
    sandbox.setFaults({ omise: { rateLimitRate: 1, retryAfterSeconds: 4 } });
    const limited = await omise('/customers');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('4');
    expect(limited.body).toEqual(error('too_many_requests', 'too many requests'));
    sandbox.setFaults({ omise: { errorRate: 1, errorStatus: 503 } });
    const failed = await omise('/customers');
    expect(failed.status).toBe(503);
    expect(failed.body).toEqual(error('service_unavailable', 'service unavailable'));
  });
});

describe('omise simulator: seed data', () => {
  it('holds between half and three quarters of the people, always the first few, by metadata.external_id', async () => {
    const customers = await everyCustomer();
    expect(customers.length).toBeGreaterThanOrEqual(PEOPLE * 0.5);
    expect(customers.length).toBeLessThanOrEqual(PEOPLE * 0.75);
    const externalIds = new Set(customers.map((customer) => customer.metadata.external_id));
    for (const person of people.slice(0, EVERYWHERE_PEOPLE)) expect(externalIds.has(person.externalId)).toBe(true);
    // A few were created without the caller's id.
    expect(customers.some((customer) => customer.metadata.external_id === undefined)).toBe(true);
  });

  it('derives each customer from its person: name in description, email, created after sign-up and before the seed instant', async () => {
    const byExternalId = new Map(people.map((person) => [person.externalId, person]));
    for (const customer of await everyCustomer()) {
      expect(customer.id).toMatch(/^cust_test_[0-9a-z]{19}$/);
      expect(customer.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(Date.parse(customer.created_at)).toBeLessThanOrEqual(SEED_NOW.getTime());
      const person = byExternalId.get(customer.metadata.external_id);
      if (person === undefined) continue;
      expect(Date.parse(customer.created_at)).toBeGreaterThanOrEqual(person.signedUpAt.getTime() - 1000);
      if (customer.description !== null) expect(customer.description).toBe(`${person.firstName} ${person.lastName}`);
      if (customer.email !== null) expect(customer.email).toBe(person.email);
    }
  });

  it('gives customers zero to three cards of Visa, MasterCard or JCB, the first one the default', async () => {
    const customers = await everyCustomer();
    const counts = new Set<number>();
    for (const customer of customers) {
      const cards = customer.cards;
      expect(cards).toMatchObject({ object: 'list', offset: 0, limit: 20, total: cards.data.length, location: `/customers/${customer.id}/cards` });
      counts.add(cards.total);
      expect(customer.default_card).toBe(cards.data[0]?.id ?? null);
      for (const card of cards.data) {
        expect(card.id).toMatch(/^card_test_[0-9a-z]{19}$/);
        expect(['Visa', 'MasterCard', 'JCB']).toContain(card.brand);
        expect(card.last_digits).toMatch(/^\d{4}$/);
        expect(card.expiration_month).toBeGreaterThanOrEqual(1);
        expect(card.expiration_month).toBeLessThanOrEqual(12);
        expect(card.country).toMatch(/^[a-z]{2}$/);
        expect(card.bank).not.toBe('');
        expect(card.location).toBe(`/customers/${customer.id}/cards/${card.id}`);
      }
    }
    expect([...counts].sort()).toEqual([0, 1, 2, 3]);
  });

  it('is deterministic: the same seed gives the same first page, another seed another one', async () => {
    await withSeedTwins('omise', { people: PEOPLE }, async ({ sameSeed, otherSeed }) => {
      const page = async (url: string) => (await call(`${url}/customers?limit=10`, { headers: { authorization: AUTH } })).body.data;
      const first = await page(base);
      expect(ids(await page(sameSeed))).toEqual(ids(first));
      expect(ids(await page(otherSeed))).not.toEqual(ids(first));
    });
  });
});

describe('omise simulator: list', () => {
  it('answers the documented list envelope, chronological by default', async () => {
    const response = await omise('/customers');
    expect(response.status).toBe(200);
    const total = sandbox.customerCounts().omise as number;
    expect(response.body).toMatchObject({ object: 'list', offset: 0, limit: 20, total, order: 'chronological', from: '1970-01-01T00:00:00Z', location: '/customers' });
    expect(response.body.data).toHaveLength(20);
    expect(Date.parse(response.body.to)).toBeGreaterThanOrEqual(SEED_NOW.getTime());
    const created = times(response.body.data);
    expect(created).toEqual([...created].sort((a, b) => a - b));
  });

  it('walks newest first, every customer exactly once, with total equal to what it saw', async () => {
    const seen = await walk('order=reverse_chronological', 37);
    expect(new Set(ids(seen)).size).toBe(seen.length);
    expect(seen.length).toBe(sandbox.customerCounts().omise);
    const created = times(seen);
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  it('clamps limit to 100 and rejects bad offset, limit, order and dates with bad_request', async () => {
    const clamped = await omise('/customers?limit=500');
    expect(clamped.body.limit).toBe(100);
    expect(clamped.body.data).toHaveLength(100);
    const cases: [string, string][] = [
      ['offset=-1', 'offset must be an integer greater than or equal to 0'],
      ['limit=0', 'limit must be an integer greater than 0'],
      ['limit=ten', 'limit must be an integer greater than 0'],
      ['order=newest', 'order must be chronological or reverse_chronological'],
      ['from=yesterday', 'from must be an ISO 8601 date and time'],
      ['to=2026-13-45T99:00:00Z', 'to must be an ISO 8601 date and time'],
    ];
    for (const [query, message] of cases) {
      const response = await omise(`/customers?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body).toEqual(error('bad_request', message));
    }
  });

  it('filters by from and to, both inclusive, and counts only the window', async () => {
    const all = await everyCustomer();
    const middle = all[Math.floor(all.length / 2)].created_at as string;
    const after = await walk(`order=chronological&from=${encodeURIComponent(middle)}`, 100);
    const before = await walk(`order=chronological&to=${encodeURIComponent(middle)}`, 100);
    const at = Date.parse(middle);
    expect(ids(after)).toEqual(ids(all.filter((customer) => Date.parse(customer.created_at) >= at)));
    expect(ids(before)).toEqual(ids(all.filter((customer) => Date.parse(customer.created_at) <= at)));
    const window = await omise(`/customers?from=${encodeURIComponent(middle)}&to=${encodeURIComponent(middle)}`);
    expect(window.body.total).toBe(all.filter((customer) => customer.created_at === middle).length);
    expect(window.body.from).toBe(middle);
    expect(window.body.to).toBe(middle);
  });

  it('keeps a pinned walk exact while customers are created, updated and deleted', async () => {
    const before = new Set(ids(await everyCustomer()));
    const created: string[] = [];
    const seen = await walk('order=reverse_chronological', 25, async (page) => {
      if (page > 2) return;
      created.push((await create({ email: `walker${page}@example.com` })).id);
      // Delete and update customers the walk has not reached yet (the oldest ones).
      const oldest = (await omise(`/customers?order=chronological&limit=3&offset=${page * 3}`)).body.data;
      await omise(`/customers/${oldest[0].id}`, { method: 'DELETE' });
      await omise(`/customers/${oldest[1].id}`, { method: 'PATCH', body: { description: 'Changed during the walk' } });
    });
    expect(new Set(ids(seen)).size).toBe(seen.length);
    expect(new Set(ids(seen))).toEqual(before);
    for (const id of created) expect(ids(seen)).not.toContain(id);
  });
});

describe('omise simulator: create', () => {
  it('creates from JSON, with nothing required, visible to retrieve and to the newest-first list', async () => {
    const empty = await create();
    expect(empty).toMatchObject({ object: 'customer', livemode: false, deleted: false, email: null, description: null, metadata: {}, default_card: null, location: `/customers/${empty.id}` });
    expect(empty.cards).toMatchObject({ object: 'list', data: [], total: 0 });
    const customer = await create({ email: 'ada.okafor@example.com', description: 'Ada Okafor', metadata: { external_id: 'user_900001', plan: 'growth', tags: ['vip'] } });
    expect(customer.id).toMatch(/^cust_test_[0-9a-z]{19}$/);
    expect(customer).toMatchObject({ email: 'ada.okafor@example.com', description: 'Ada Okafor', metadata: { external_id: 'user_900001', plan: 'growth', tags: ['vip'] } });
    expect(Math.abs(Date.parse(customer.created_at) - Date.now())).toBeLessThan(5000);
    expect((await omise(`/customers/${customer.id}`)).body).toMatchObject({ id: customer.id, email: 'ada.okafor@example.com' });
    const newest = await omise('/customers?order=reverse_chronological&limit=5');
    expect(ids(newest.body.data)).toContain(customer.id);
    expect(newest.body.total).toBe(sandbox.customerCounts().omise);
  });

  it('creates from form fields as the docs curl them, metadata[key]=value included', async () => {
    const body = 'email=somchai%40example.com&description=Somchai+Prasert&metadata%5Bexternal_id%5D=user_900002&metadata[address][city]=Bangkok&metadata[tags][]=a&metadata[tags][]=b';
    const response = await omise('/customers', { method: 'POST', body });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ email: 'somchai@example.com', description: 'Somchai Prasert' });
    expect(response.body.metadata).toEqual({ external_id: 'user_900002', address: { city: 'Bangkok' }, tags: ['a', 'b'] });
  });

  it('saves a token as the default card, and refuses a used token or an id that is not a token', async () => {
    const customer = await create({ email: 'card.holder@example.com', card: 'tokn_test_5xuy4w91xqz7d1w9u0t' });
    expect(customer.cards.total).toBe(1);
    const [card] = customer.cards.data;
    expect(customer.default_card).toBe(card.id);
    expect(card).toMatchObject({ object: 'card', country: 'th', security_code_check: true, location: `/customers/${customer.id}/cards/${card.id}` });
    expect(['4242', '4444', '0000']).toContain(card.last_digits);
    const reused = await omise('/customers', { method: 'POST', body: { card: 'tokn_test_5xuy4w91xqz7d1w9u0t' } });
    expect(reused.status).toBe(422);
    expect(reused.body).toEqual(error('used_token', 'token was already used'));
    const notToken = await omise('/customers', { method: 'POST', body: { card: 'card_test_123' } });
    expect(notToken.status).toBe(404);
    expect(notToken.body).toEqual(error('not_found', 'token card_test_123 was not found'));
  });

  it('rejects malformed JSON and wrong types with bad_request, creating nothing', async () => {
    const total = sandbox.customerCounts().omise as number;
    const cases: [unknown, string][] = [
      ['{"email": ', 'request body is not valid JSON'],
      ['[1, 2]', 'request body must be a JSON object'],
      [{ email: 'not an email' }, 'email is invalid'],
      [{ email: 42 }, 'email is invalid'],
      [{ description: { first: 'Ada' } }, 'description must be a string'],
      [{ metadata: 'plan=pro' }, 'metadata must be an object'],
      [{ email: 'ok@example.com', metadata: [1] }, 'metadata must be an object'],
      [{ card: 12 }, 'card must be a token id'],
    ];
    for (const [body, message] of cases) {
      const response = await omise('/customers', { method: 'POST', body, contentType: 'application/json' });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body).toEqual(error('bad_request', message));
    }
    expect(sandbox.customerCounts().omise).toBe(total);
  });

  it('has no duplicate rule and no idempotency: the same email or key twice makes two customers', async () => {
    const headers = { 'idempotency-key': 'same-key', 'omise-idempotency-key': 'same-key' };
    const first = await omise('/customers', { method: 'POST', body: { email: 'twice@example.com' }, headers });
    const second = await omise('/customers', { method: 'POST', body: { email: 'twice@example.com' }, headers });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body.id).not.toBe(first.body.id);
  });
});

describe('omise simulator: retrieve, update and destroy', () => {
  it('answers an unknown or malformed id with the documented not_found body', async () => {
    for (const id of ['cust_test_0000000000000000000', 'nope']) {
      const response = await omise(`/customers/${id}`);
      expect(response.status).toBe(404);
      expect(response.body).toEqual(error('not_found', `customer ${id} was not found`));
    }
    expect((await omise('/customers/cust_test_nope', { method: 'PATCH', body: {} })).body).toEqual(error('not_found', 'customer cust_test_nope was not found'));
    expect((await omise('/customers/cust_test_nope', { method: 'DELETE' })).status).toBe(404);
  });

  it('updates with PATCH: metadata is replaced whole, other fields only when given', async () => {
    const customer = await create({ email: 'before@example.com', description: 'Before', metadata: { external_id: 'user_900003', plan: 'starter' } });
    const updated = await omise(`/customers/${customer.id}`, { method: 'PATCH', body: { email: 'after@example.com', metadata: { plan: 'growth' } } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: customer.id, email: 'after@example.com', description: 'Before', metadata: { plan: 'growth' } });
    expect(updated.body.metadata.external_id).toBeUndefined();
    expect(updated.body.created_at).toBe(customer.created_at);
    const cleared = await omise(`/customers/${customer.id}`, { method: 'PATCH', body: 'description=', contentType: 'application/x-www-form-urlencoded' });
    expect(cleared.body.description).toBeNull();
    expect((await omise(`/customers/${customer.id}`)).body).toMatchObject({ email: 'after@example.com', description: null, metadata: { plan: 'growth' } });
  });

  it('adds cards from tokens and switches default_card only to one of its own cards', async () => {
    const customer = await create({ card: 'tokn_test_first000000000001' });
    const added = await omise(`/customers/${customer.id}`, { method: 'PATCH', body: { card: 'tokn_test_second00000000002' } });
    expect(added.body.cards.total).toBe(2);
    expect(added.body.default_card).toBe(customer.default_card);
    const second = added.body.cards.data[1].id;
    const switched = await omise(`/customers/${customer.id}`, { method: 'PATCH', body: { default_card: second } });
    expect(switched.body.default_card).toBe(second);
    const foreign = await omise(`/customers/${customer.id}`, { method: 'PATCH', body: { default_card: 'card_test_notmine', email: 'changed@example.com' } });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(error('not_found', 'card card_test_notmine was not found'));
    // A refused update changes nothing.
    expect((await omise(`/customers/${customer.id}`)).body.email).toBeNull();
  });

  it('destroys: answers the tombstone, keeps the customer readable as deleted and in its list place', async () => {
    const listed = (await omise('/customers?order=chronological&limit=10')).body;
    const target = listed.data.find((customer: Loose) => customer.cards.total > 0) ?? listed.data[0];
    const destroyed = await omise(`/customers/${target.id}`, { method: 'DELETE' });
    expect(destroyed.status).toBe(200);
    expect(destroyed.body).toEqual({ object: 'customer', id: target.id, livemode: false, deleted: true });
    const after = await omise(`/customers/${target.id}`);
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ id: target.id, deleted: true, default_card: null, email: target.email, created_at: target.created_at });
    expect(after.body.cards.total).toBe(0);
    const again = (await omise('/customers?order=chronological&limit=10')).body;
    expect(again.total).toBe(listed.total);
    expect(ids(again.data)).toEqual(ids(listed.data));
    expect((await omise(`/customers/${target.id}`, { method: 'DELETE' })).body).toEqual(error('not_found', `customer ${target.id} was not found`));
    expect((await omise(`/customers/${target.id}`, { method: 'PATCH', body: { email: 'x@example.com' } })).status).toBe(404);
  });
});

describe('omise simulator: cards and schedules', () => {
  it('lists, retrieves, updates and destroys cards; the latest card becomes default when the default goes', async () => {
    const customer = await create({ card: 'tokn_test_cards0000000000001' });
    await omise(`/customers/${customer.id}`, { method: 'PATCH', body: { card: 'tokn_test_cards0000000000002' } });
    await omise(`/customers/${customer.id}`, { method: 'PATCH', body: { card: 'tokn_test_cards0000000000003' } });
    const cards = await omise(`/customers/${customer.id}/cards`);
    expect(cards.body).toMatchObject({ object: 'list', total: 3, offset: 0, limit: 20, order: 'chronological', location: `/customers/${customer.id}/cards` });
    const [first, , third] = cards.body.data;
    expect((await omise(`/customers/${customer.id}/cards/${first.id}`)).body).toEqual(first);
    const updated = await omise(`/customers/${customer.id}/cards/${first.id}`, { method: 'PATCH', body: 'expiration_month=11&expiration_year=2031&name=Ada+Okafor' });
    expect(updated.body).toMatchObject({ id: first.id, expiration_month: 11, expiration_year: 2031, name: 'Ada Okafor' });
    const invalid = await omise(`/customers/${customer.id}/cards/${first.id}`, { method: 'PATCH', body: { expiration_month: 13 } });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toEqual(error('bad_request', 'expiration_month is invalid'));
    const destroyed = await omise(`/customers/${customer.id}/cards/${first.id}`, { method: 'DELETE' });
    expect(destroyed.body).toEqual({ object: 'card', id: first.id, livemode: false, deleted: true });
    const after = (await omise(`/customers/${customer.id}`)).body;
    expect(after.default_card).toBe(third.id);
    expect(after.cards.total).toBe(2);
    expect((await omise(`/customers/${customer.id}/cards/${first.id}`)).body).toEqual(error('not_found', `card ${first.id} was not found`));
  });

  it('answers a customer schedules list, empty, and not_found for an unknown customer', async () => {
    const customer = await create();
    const schedules = await omise(`/customers/${customer.id}/schedules`);
    expect(schedules.body).toMatchObject({ object: 'list', data: [], total: 0, location: `/customers/${customer.id}/schedules` });
    expect((await omise('/customers/cust_test_nope/schedules')).status).toBe(404);
    expect((await omise('/customers/cust_test_nope/cards')).status).toBe(404);
  });
});

describe('omise simulator: search', () => {
  it('answers the search envelope, newest first, 30 per page by default', async () => {
    const response = await omise('/search?scope=customer');
    expect(response.status).toBe(200);
    const total = sandbox.customerCounts().omise as number;
    expect(response.body).toMatchObject({
      object: 'search', scope: 'customer', query: '', filters: {}, page: 1, per_page: 30, location: '/search', export: null,
      order: 'reverse_chronological', total, total_pages: Math.ceil(total / 30),
    });
    expect(response.body.data).toHaveLength(30);
    const created = times(response.body.data);
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  it('matches email, description and metadata values case-insensitively, every word somewhere', async () => {
    const all = await everyCustomer();
    const sample = all.find((customer) => customer.email !== null && customer.description !== null && customer.metadata.external_id !== undefined);
    for (const query of [sample.email.toUpperCase(), sample.metadata.external_id, sample.description.toLowerCase()]) {
      const response = await omise(`/search?scope=customer&query=${encodeURIComponent(query)}&per_page=100`);
      expect(ids(response.body.data), query).toContain(sample.id);
      const lowered = query.toLowerCase();
      for (const customer of response.body.data) {
        const texts = [customer.email, customer.description, ...Object.values(customer.metadata).map(String)].filter((text) => text !== null).map((text: string) => text.toLowerCase());
        expect(texts.some((text) => text.includes(lowered.split(' ')[0] as string))).toBe(true);
      }
    }
    const lastName = sample.description.split(' ')[1];
    const both = await omise(`/search?scope=customer&query=${encodeURIComponent(`${lastName} ${sample.metadata.external_id}`)}`);
    expect(ids(both.body.data)).toEqual([sample.id]);
  });

  it('walks search pages with every match exactly once', async () => {
    const all = await everyCustomer();
    const expected = all.filter((customer) => (customer.email ?? '').includes('example.com') || (customer.description ?? '').toLowerCase().includes('example.com'));
    const seen: Loose[] = [];
    for (let page = 1; ; page++) {
      const response = await omise(`/search?scope=customer&query=example.com&per_page=7&page=${page}`);
      expect(response.body.page).toBe(page);
      if (response.body.data.length === 0) {
        expect(page).toBe(response.body.total_pages + 1);
        break;
      }
      seen.push(...response.body.data);
    }
    expect(seen.length).toBe(expected.length);
    expect(new Set(ids(seen))).toEqual(new Set(ids(expected)));
  });

  it('filters created by a range, a single day, or an open end, and echoes the filters', async () => {
    const all = await everyCustomer();
    const low = all[40].created_at as string;
    const high = all[80].created_at as string;
    const range = await omise(`/search?scope=customer&filters[created]=${low}..${high}&per_page=100&order=chronological`);
    expect(range.body.filters).toEqual({ created: `${low}..${high}` });
    expect(range.body.order).toBe('chronological');
    expect(ids(range.body.data)).toEqual(ids(all.filter((customer) => customer.created_at >= low && customer.created_at <= high)));
    const day = low.slice(0, 10);
    const single = await omise(`/search?scope=customer&filters%5Bcreated%5D=${day.replace(/-/g, '/')}&per_page=100`);
    expect(new Set(ids(single.body.data))).toEqual(new Set(ids(all.filter((customer) => customer.created_at.startsWith(day)))));
    const open = await omise(`/search?scope=customer&filters[created]=${high}..&per_page=100`);
    expect(open.body.total).toBe(all.filter((customer) => customer.created_at >= high).length);
    // omise-node encodes a filters object as a bare `filters=`: it means no filter.
    expect((await omise('/search?scope=customer&filters=')).body.total).toBe(all.length);
  });

  it('answers other documented scopes with an empty result', async () => {
    const response = await omise('/search?scope=charge&query=somchai');
    expect(response.body).toMatchObject({ object: 'search', scope: 'charge', total: 0, total_pages: 0, data: [] });
  });

  it('rejects bad scopes, filters and pages with 422 bodies', async () => {
    const cases: [string, number, unknown][] = [
      ['', 422, error('invalid_scope', 'scope is required')],
      ['scope=customers', 422, error('invalid_scope', 'scope customers is invalid')],
      ['scope=customer&filters[email]=a@example.com', 422, error('invalid_filters', 'filters[email] is not a filter of scope customer')],
      ['scope=customer&filters[created]=last_week', 422, error('invalid_filters', 'filters[created] is invalid')],
      ['scope=customer&filters[created]=2026-01-01..2026-02-01..2026-03-01', 422, error('invalid_filters', 'filters[created] is invalid')],
      ['scope=customer&filters=created', 422, error('invalid_filters', 'filters must be given as filters[name]=value')],
      ['scope=customer&page=0', 422, error('invalid_page', 'page must be greater than 0')],
      ['scope=customer&per_page=x', 422, error('invalid_page', 'per_page must be greater than 0')],
      ['scope=customer&order=up', 400, error('bad_request', 'order must be chronological or reverse_chronological')],
    ];
    for (const [query, status, body] of cases) {
      const response = await omise(`/search?${query}`);
      expect(response.status, query).toBe(status);
      expect(response.body, query).toEqual(body);
    }
    expect((await omise('/search?scope=customer&per_page=1000')).body.per_page).toBe(100);
  });

  it('sees writes at once: a new customer is found, an updated one by its new text', async () => {
    const customer = await create({ email: 'findme.now@example.org', description: 'Zeynep Findme' });
    expect(ids((await omise('/search?scope=customer&query=findme')).body.data)).toEqual([customer.id]);
    await omise(`/customers/${customer.id}`, { method: 'PATCH', body: { description: 'Zeynep Renamed', email: 'renamed@example.org' } });
    expect((await omise('/search?scope=customer&query=findme')).body.total).toBe(0);
    expect(ids((await omise('/search?scope=customer&query=renamed')).body.data)).toEqual([customer.id]);
  });
});
