import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { beforeEach, describe, expect, it } from 'vitest';
import { EVERYWHERE_PEOPLE, generatePeople } from '../../src/sandbox/shared/people';
import { call, type Loose } from '../support/http';
import { startTestSandbox, withSeedTwins } from '../support/provider-setup';
import { providerSpecPath } from '../support/specs';
import { walkPages } from '../support/walk';

const PEOPLE = 200;
const SEED_NOW = new Date('2026-11-01T00:00:00Z');
const ERRORS = 'https://dev.synctera.com/errors/';
/** Synctera's official OpenAPI document, from shared/ beside the repository. */
const SPEC_PATH = providerSpecPath('synctera.openapi.json');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const sandbox = await startTestSandbox(['synctera'], { people: PEOPLE });
const base = sandbox.baseUrls.synctera as string;

function api(path: string, { key = 'test-key', ...init }: RequestInit & { key?: string } = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${key}`, ...(init.headers as Record<string, string>) };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  return call(`${base}${path}`, { ...init, headers });
}

function send(method: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  return api(path, { method, body: typeof body === 'string' ? body : JSON.stringify(body), headers });
}

/** Every customer matching `query`, following next_page_token to the end. */
function walk(query = '', limit = 100): Promise<Loose[]> {
  return walkPages<Loose, string>(async (token) => {
    const tokenPart = token === null ? '' : `&page_token=${encodeURIComponent(token)}`;
    const response = await api(`/customers?limit=${limit}${query === '' ? '' : `&${query}`}${tokenPart}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return { items: response.body.customers, next: response.body.next_page_token ?? null };
  });
}

const ids = (customers: Loose[]) => customers.map((customer) => customer.id as string);
const count = () => sandbox.customerCounts().synctera as number;

function expectProblem(response: { status: number; headers: Headers; body: Loose }, status: number, errorType: string, code: string | undefined) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(response.body).toMatchObject({ type: `${ERRORS}${errorType}`, status, title: expect.any(String), detail: expect.any(String) });
  if (code !== undefined) expect(response.body.code).toBe(code);
}

const activeBody = (overrides: Record<string, unknown> = {}) => ({
  status: 'ACTIVE',
  first_name: 'Jane',
  last_name: 'Doe',
  dob: '1990-04-12',
  email: `jane.${Math.random().toString(36).slice(2)}@bank.example`,
  phone_number: '+14155550123',
  ssn: '123-45-6789',
  legal_address: { address_line_1: '100 Main St.', city: 'New York', state: 'NY', postal_code: '10001', country_code: 'US' },
  metadata: { external_id: 'user_new_1', segment: 'retail' },
  ...overrides,
});

describe('auth', () => {
  it('answers every route with the unauthenticated problem when the bearer key is missing, empty or another scheme', async () => {
    const id = (await api('/customers?limit=1')).body.customers[0].id;
    const before = count();
    for (const authorization of [undefined, 'Bearer ', 'Bearer    ', 'Basic dGVzdDo=', 'test-key']) {
      const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
      for (const [method, path] of [['GET', '/customers'], ['GET', `/customers/${id}`], ['POST', '/customers'], ['PATCH', `/customers/${id}`], ['PUT', `/customers/${id}`]]) {
        const body = method === 'GET' ? undefined : JSON.stringify({ status: 'PROSPECT' });
        const response = await call(`${base}${path}`, { method, headers, body });
        expect(response.status, `${method} ${path} with ${authorization}`).toBe(401);
        expect(response.body).toEqual({ type: `${ERRORS}unauthenticated`, title: 'Unauthenticated', status: 401, detail: expect.any(String), code: 'UNAUTHENTICATED' });
      }
    }
    expect(count()).toBe(before);
  });

  it('accepts any non-empty bearer key', async () => {
    expect((await api('/customers?limit=1', { key: 'anything-at-all' })).status).toBe(200);
  });
});

describe('seed data', () => {
  const people = generatePeople(42, PEOPLE, SEED_NOW);
  const byExternalId = new Map(people.map((person) => [person.externalId, person]));

  it('holds 50–75 % of the people, always the first ones, as active customers with their external id', async () => {
    const all = await walk();
    expect(all.length).toBe(count());
    expect(all.length / PEOPLE).toBeGreaterThanOrEqual(0.5);
    expect(all.length / PEOPLE).toBeLessThanOrEqual(0.75);
    for (const person of people.slice(0, EVERYWHERE_PEOPLE)) {
      const held = all.filter((customer) => customer.metadata.external_id === person.externalId);
      expect(held).toHaveLength(1);
      expect(held[0]).toMatchObject({ status: 'ACTIVE', email: person.email, first_name: person.firstName, last_name: person.lastName });
    }
    expect(new Set(ids(all)).size).toBe(all.length);
    expect(all.every((customer) => UUID.test(customer.id))).toBe(true);
  });

  it('derives each record from its person, created after sign-up and never after the seed instant', async () => {
    const all = await walk();
    const withoutExternalId = all.filter((customer) => customer.metadata.external_id === undefined);
    expect(withoutExternalId.length).toBeGreaterThan(0);
    expect(withoutExternalId.length).toBeLessThan(all.length * 0.2);
    for (const customer of all) {
      const created = Date.parse(customer.creation_time);
      expect(Date.parse(customer.last_updated_time)).toBeGreaterThanOrEqual(created);
      expect(created).toBeLessThanOrEqual(SEED_NOW.getTime());
      const person = byExternalId.get(customer.metadata.external_id);
      if (person === undefined) continue;
      expect(created).toBeGreaterThanOrEqual(person.signedUpAt.getTime());
      expect(customer.email).toBe(person.email);
      if (customer.dob !== undefined) expect(customer.dob).toBe(person.dateOfBirth);
      if (customer.legal_address !== undefined) {
        expect(customer.legal_address).toMatchObject({ address_line_1: person.address.line1, city: person.address.city, country_code: person.address.country, address_type: 'LEGAL' });
        expect(customer.addresses).toEqual([customer.legal_address, customer.shipping_address]);
      }
    }
  });

  it('varies statuses, with KYC, accounts and SSN consistent with each status', async () => {
    const all = await walk();
    const statuses = new Set(all.map((customer) => customer.status));
    expect(statuses.size).toBeGreaterThanOrEqual(5);
    expect(all.filter((customer) => customer.status === 'ACTIVE').length).toBeGreaterThan(all.length / 2);
    for (const customer of all) {
      if (customer.status === 'PROSPECT') {
        expect(['UNVERIFIED', 'PENDING']).toContain(customer.kyc_status);
        expect(customer.has_accounts).toBe(false);
        expect(customer.ssn).toBeUndefined();
      } else {
        expect(customer.ssn).toMatch(/^\d{4}$/);
        expect(customer.dob).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(customer.phone_number).toMatch(/^\+[1-9]\d{1,14}$/);
      }
      if (customer.status === 'ACTIVE') expect(['ACCEPTED', 'PROVISIONAL', 'REVIEW', 'PENDING']).toContain(customer.kyc_status);
      if (customer.status === 'DENIED') expect(customer.kyc_status).toBe('REJECTED');
      if (customer.kyc_status === 'UNVERIFIED') expect(customer.kyc_last_run).toBeUndefined();
      else expect(Date.parse(customer.kyc_last_run)).toBeGreaterThanOrEqual(Date.parse(customer.creation_time));
    }
  });

  it('is deterministic: the same seed gives the same first page, another seed another', async () => {
    await withSeedTwins('synctera', { people: PEOPLE }, async ({ sameSeed, otherSeed }) => {
      const path = '/customers?limit=20&sort_by=creation_time:desc';
      const headers = { authorization: 'Bearer k' };
      const mine = (await api(path)).body;
      expect((await call(`${sameSeed}${path}`, { headers })).body).toEqual(mine);
      expect(ids((await call(`${otherSeed}${path}`, { headers })).body.customers)).not.toEqual(ids(mine.customers));
    });
  });
});

describe('GET /customers/{customer_id}', () => {
  it('returns the customer the list shows, also for an upper-case id', async () => {
    const listed = (await api('/customers?limit=3')).body.customers[2];
    const response = await api(`/customers/${listed.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.body).toEqual(listed);
    expect((await api(`/customers/${listed.id.toUpperCase()}`)).body).toEqual(listed);
  });

  it('answers a malformed id with 400 and an unknown one with 404 RESOURCE_NOT_FOUND', async () => {
    const malformed = await api('/customers/not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ type: `${ERRORS}bad-request`, title: 'Bad Request', status: 400, detail: expect.stringContaining('not-a-uuid'), code: 'BAD_REQUEST' });
    const unknown = await api('/customers/7d943c51-e4ff-4e57-9558-08cab6b963c7');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
    expect(unknown.body).toEqual({ type: `${ERRORS}not-found`, title: 'Not Found', status: 404, detail: expect.stringContaining('7d943c51'), code: 'RESOURCE_NOT_FOUND' });
  });
});

describe('GET /customers: pages and order', () => {
  it('defaults to 100 per page, oldest first, and clamps a larger limit to 100', async () => {
    const first = await api('/customers');
    expect(first.body.customers).toHaveLength(100);
    expect(typeof first.body.next_page_token).toBe('string');
    const times = first.body.customers.map((customer: Loose) => customer.creation_time);
    expect(times).toEqual([...times].sort());
    expect((await api('/customers?limit=500')).body.customers).toHaveLength(100);
    const last = await api(`/customers?page_token=${encodeURIComponent(first.body.next_page_token)}`);
    expect(last.body.customers).toHaveLength(count() - 100);
    expect(last.body).not.toHaveProperty('next_page_token');
  });

  it('rejects a limit below 1 or not a number with BAD_QUERY_PARAMETER', async () => {
    for (const limit of ['0', '-3', 'ten', '2.5']) {
      const response = await api(`/customers?limit=${limit}`);
      expect(response.body).toEqual({ type: `${ERRORS}bad-request-query`, title: 'Bad Request Query Parameter', status: 400, detail: expect.stringContaining('limit'), code: 'BAD_QUERY_PARAMETER' });
    }
  });

  it('walks every customer exactly once, newest first, in small pages', async () => {
    const everyone = new Set(ids(await walk()));
    const walked = await walk('sort_by=creation_time:desc', 7);
    expect(walked.length).toBe(everyone.size);
    expect(new Set(ids(walked))).toEqual(everyone);
    const times = walked.map((customer) => customer.creation_time);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('keeps a walk exact while customers are created and updated between pages', async () => {
    const everyone = new Set(ids(await walk()));
    const seen: string[] = [];
    let token: string | undefined;
    let page = 0;
    do {
      const tokenPart = token === undefined ? '' : `&page_token=${encodeURIComponent(token)}`;
      const response = await api(`/customers?limit=10&sort_by=creation_time:desc${tokenPart}`);
      seen.push(...ids(response.body.customers));
      token = response.body.next_page_token;
      if (page++ === 2) {
        expect((await send('POST', '/customers', { status: 'PROSPECT', first_name: 'Mid', last_name: 'Walk' })).status).toBe(201);
        const unseen = [...everyone].find((id) => !seen.includes(id)) as string;
        expect((await send('PATCH', `/customers/${unseen}`, { first_name: 'Renamed' })).status).toBe(200);
      }
    } while (token !== undefined);
    expect(seen.filter((id) => everyone.has(id)).length).toBe(everyone.size);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('sorts by each documented key, in both directions and combined', async () => {
    const all = await walk();
    const compare = (fields: [string, 'asc' | 'desc'][]) => (left: Loose, right: Loose) => {
      for (const [field, direction] of fields) {
        const a = left[field] ?? '';
        const b = right[field] ?? '';
        if (a !== b) return (a < b ? -1 : 1) * (direction === 'desc' ? -1 : 1);
      }
      return left.id < right.id ? -1 : 1;
    };
    const cases: [string, [string, 'asc' | 'desc'][]][] = [
      ['creation_time:asc', [['creation_time', 'asc']]],
      ['first_name:asc', [['first_name', 'asc']]],
      ['first_name:desc', [['first_name', 'desc']]],
      ['last_name:desc', [['last_name', 'desc']]],
      ['last_updated_time:desc', [['last_updated_time', 'desc']]],
      ['last_name:asc,first_name:desc', [['last_name', 'asc'], ['first_name', 'desc']]],
    ];
    for (const [sortBy, fields] of cases) {
      const walked = await walk(`sort_by=${sortBy}`, 30);
      expect(ids(walked), sortBy).toEqual(ids([...all].sort(compare(fields))));
    }
  });

  it('rejects an unknown sort, a forged page token and a token from another sort', async () => {
    expectProblem(await api('/customers?sort_by=email:asc'), 400, 'bad-request-query', 'BAD_QUERY_PARAMETER');
    expectProblem(await api('/customers?sort_by=creation_time'), 400, 'bad-request-query', 'BAD_QUERY_PARAMETER');
    expectProblem(await api('/customers?sort_by=creation_time:desc:x'), 400, 'bad-request-query', 'BAD_QUERY_PARAMETER');
    expectProblem(await api('/customers?page_token=a8937a0d'), 400, 'bad-request-query', 'BAD_QUERY_PARAMETER');
    const token = (await api('/customers?limit=5&sort_by=last_name:asc')).body.next_page_token;
    expectProblem(await api(`/customers?sort_by=first_name:asc&page_token=${token}`), 400, 'bad-request-query', 'BAD_QUERY_PARAMETER');
  });
});

describe('GET /customers: filters', () => {
  let all: Loose[];
  beforeEach(async () => {
    all = await walk();
  });
  const expectIds = async (query: string, predicate: (customer: Loose) => boolean) => {
    const expected = ids(all.filter(predicate));
    expect(expected.length, `${query} should match someone`).toBeGreaterThan(0);
    expect(ids(await walk(query, 25)), query).toEqual(expected);
  };

  it('filters by status, has_accounts and ssn_last_4, alone and combined', async () => {
    await expectIds('status=PROSPECT', (customer) => customer.status === 'PROSPECT');
    await expectIds('status=INACTIVE', (customer) => customer.status === 'INACTIVE');
    await expectIds('has_accounts=true', (customer) => customer.has_accounts === true);
    await expectIds('has_accounts=false', (customer) => customer.has_accounts === false);
    await expectIds('status=ACTIVE&has_accounts=false', (customer) => customer.status === 'ACTIVE' && !customer.has_accounts);
    const ssn = all.find((customer) => customer.ssn !== undefined).ssn;
    await expectIds(`ssn_last_4=${ssn}`, (customer) => customer.ssn === ssn);
    expectProblem(await api('/customers?ssn_last_4=123'), 400, 'bad-request-query', 'BAD_QUERY_PARAMETER');
    expectProblem(await api('/customers?status=GONE'), 400, 'bad-request-query', 'BAD_QUERY_PARAMETER');
    expectProblem(await api('/customers?has_accounts=maybe'), 400, 'bad-request-query', 'BAD_QUERY_PARAMETER');
  });

  it('matches names, email and phone exactly (any case) or with * wildcards', async () => {
    const sample = all[7];
    await expectIds(`last_name=${encodeURIComponent(sample.last_name)}`, (customer) => customer.last_name === sample.last_name);
    await expectIds(`first_name=${encodeURIComponent(sample.first_name.toUpperCase())}`, (customer) => customer.first_name === sample.first_name);
    await expectIds(`email=${encodeURIComponent(sample.email.toUpperCase())}`, (customer) => customer.email === sample.email);
    await expectIds('email=*%40example.org', (customer) => customer.email?.endsWith('@example.org'));
    const initial = sample.last_name.slice(0, 1);
    await expectIds(`last_name=${encodeURIComponent(initial)}*`, (customer) => customer.last_name?.startsWith(initial));
    const lastLetter = sample.last_name.slice(-1);
    await expectIds(`last_name=${encodeURIComponent(initial)}*${encodeURIComponent(lastLetter)}`, (customer) => customer.last_name?.startsWith(initial) && customer.last_name.endsWith(lastLetter));
    await expectIds(`email=*.*%40*.*`, (customer) => /^.*\..*@.*\..*$/.test(customer.email ?? ''));
    await expectIds(`first_name=*${encodeURIComponent(sample.first_name.slice(1))}`, (customer) => customer.first_name?.endsWith(sample.first_name.slice(1)));
    const phone = all.find((customer) => customer.phone_number !== undefined).phone_number as string;
    await expectIds(`phone_number=${encodeURIComponent(phone)}`, (customer) => customer.phone_number === phone);
    await expectIds(`phone_number=${encodeURIComponent(phone.slice(0, 7))}*`, (customer) => customer.phone_number?.startsWith(phone.slice(0, 7)));
    expect((await api('/customers?email=nobody%40nowhere.example')).body).toEqual({ customers: [] });
  });

  it('fetches many ids in one call: id=a,b,c (plain or %2C commas, or repeated), unknown ids left out', async () => {
    const wanted = [all[3].id, all[40].id, all[11].id];
    const unknown = '7d943c51-e4ff-4e57-9558-08cab6b963c7';
    const expected = ids(all.filter((customer) => wanted.includes(customer.id)));
    expect(ids((await api(`/customers?id=${[...wanted, unknown].join(',')}`)).body.customers)).toEqual(expected);
    expect(ids((await api(`/customers?id=${wanted.join('%2C')}`)).body.customers)).toEqual(expected);
    expect(ids((await api(`/customers?id=${wanted[0]}&id=${wanted[1]},${wanted[2]}`)).body.customers)).toEqual(expected);
    const page = await api(`/customers?id=${wanted.join(',')}&limit=2&sort_by=creation_time:desc`);
    expect(page.body.customers).toHaveLength(2);
    const rest = await api(`/customers?id=${wanted.join(',')}&limit=2&sort_by=creation_time:desc&page_token=${page.body.next_page_token}`);
    expect(new Set([...ids(page.body.customers), ...ids(rest.body.customers)])).toEqual(new Set(wanted));
    expectProblem(await api(`/customers?id=${wanted[0]},nope`), 400, 'bad-request-query', 'BAD_QUERY_PARAMETER');
  });
});

describe('POST /customers', () => {
  it('creates a PROSPECT from a status alone, unverified and without accounts, visible to get and list', async () => {
    const before = count();
    const created = await send('POST', '/customers', { status: 'PROSPECT' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'PROSPECT', kyc_status: 'UNVERIFIED', has_accounts: false, ban_status: 'ALLOWED', metadata: {}, addresses: [] });
    expect(created.body.id).toMatch(UUID);
    expect(created.body.creation_time).toBe(created.body.last_updated_time);
    expect(count()).toBe(before + 1);
    expect((await api(`/customers/${created.body.id}`)).body).toEqual(created.body);
    expect((await api(`/customers?id=${created.body.id}`)).body.customers).toEqual([created.body]);
  });

  it('creates an ACTIVE customer: SSN cut to its last 4, note never echoed, shipping copied from the legal address', async () => {
    const body = activeBody({ middle_name: 'Anne', note: 'opened at branch', legal_address: { address_line_1: '1 King St', city: 'Toronto', postal_code: 'm5v3a4', country_code: 'CA' } });
    const created = await send('POST', '/customers', body);
    expect(created.status).toBe(201);
    const customer = created.body;
    expect(customer).toMatchObject({ status: 'ACTIVE', first_name: 'Jane', middle_name: 'Anne', last_name: 'Doe', dob: '1990-04-12', ssn: '6789', ssn_source: 'MANUAL', email: body.email, metadata: body.metadata });
    expect(customer).not.toHaveProperty('note');
    // The spec's CA rule: "A1A1A1 (regardless of case) ... will be converted to A1A 1A1 format".
    expect(customer.legal_address).toMatchObject({ address_line_1: '1 King St', postal_code: 'M5V 3A4', country_code: 'CA', address_type: 'LEGAL' });
    const { id: legalId, address_type: _legal, ...legalRest } = customer.legal_address;
    const { id: shippingId, address_type: shippingType, ...shippingRest } = customer.shipping_address;
    expect(shippingRest).toEqual(legalRest);
    expect(shippingType).toBe('SHIPPING');
    expect(shippingId).not.toBe(legalId);
    expect(customer.addresses).toEqual([customer.legal_address, customer.shipping_address]);
  });

  it('keeps a shipping address that is given', async () => {
    const shipping = { address_line_1: 'PO Box 12', city: 'New York', postal_code: '10002-1234', country_code: 'US' };
    const created = await send('POST', '/customers', activeBody({ shipping_address: shipping }));
    expect(created.body.shipping_address).toMatchObject({ ...shipping, address_type: 'SHIPPING' });
    expect(created.body.legal_address.address_line_1).toBe('100 Main St.');
  });

  it('lists the fields a non-PROSPECT customer misses, in the documented body', async () => {
    const before = count();
    const response = await send('POST', '/customers', { status: 'ACTIVE', first_name: 'Jane' });
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body).toEqual({
      type: `${ERRORS}bad-request-body`,
      title: 'Bad Request Body',
      status: 400,
      detail: 'missing required fields: last_name, dob',
      code: 'BAD_REQUEST_BODY',
      missing: ['last_name', 'dob'],
    });
    expect((await send('POST', '/customers', { first_name: 'Jane' })).body.missing).toEqual(['status']);
    expect(count()).toBe(before);
  });

  it('names each invalid field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ phone_number: '4155550123' }, 'phone_number'],
      [{ dob: '2999-01-01' }, 'dob'],
      [{ dob: '1899-12-31' }, 'dob'],
      [{ dob: '2001-02-30' }, 'dob'],
      [{ ssn: '123456789' }, 'ssn'],
      [{ email: 'not-an-email' }, 'email'],
      [{ status: 'GONE' }, 'status'],
      [{ first_name: 42 }, 'first_name'],
      [{ metadata: 'x' }, 'metadata'],
      [{ ban_status: 'MAYBE' }, 'ban_status'],
      [{ ban_status: 'BANNED' }, 'ban_status'],
      [{ legal_address: { address_line_1: '1 Main', country_code: 'usa' } }, 'legal_address.country_code'],
      [{ legal_address: { address_line_1: '1 Main', country_code: 'US', postal_code: 'ABCDE' } }, 'legal_address.postal_code'],
      [{ related_customers: [{ id: '7d943c51-e4ff-4e57-9558-08cab6b963c7', relationship_role: 'CUSTODIAN' }] }, 'related_customers'],
      [{ favourite_colour: 'blue' }, 'favourite_colour'],
    ];
    for (const [override, field] of cases) {
      const response = await send('POST', '/customers', activeBody(override));
      expectProblem(response, 400, 'bad-request-body', 'BAD_REQUEST_BODY');
      expect(Object.keys(response.body.invalid), JSON.stringify(override)).toEqual([field]);
    }
    const missingLine = await send('POST', '/customers', activeBody({ legal_address: { country_code: 'US' } }));
    expect(missingLine.body.missing).toEqual(['legal_address.address_line_1']);
  });

  it('refuses server-owned fields as immutable', async () => {
    const response = await send('POST', '/customers', activeBody({ id: '7d943c51-e4ff-4e57-9558-08cab6b963c7', kyc_status: 'ACCEPTED' }));
    expectProblem(response, 400, 'bad-request-body', 'BAD_REQUEST_BODY');
    expect(response.body.immutable).toEqual(['id', 'kyc_status']);
  });

  it('refuses malformed, empty and non-object bodies', async () => {
    for (const body of ['{"status": "ACTIVE"', '', '[]', '"PROSPECT"']) {
      expectProblem(await send('POST', '/customers', body), 400, 'bad-request-body', 'BAD_REQUEST_BODY');
    }
  });

  it('answers 409 DUPLICATE_RESOURCE for an email another customer has, whatever its case', async () => {
    const taken = (await api('/customers?limit=1')).body.customers[0].email as string;
    const before = count();
    const response = await send('POST', '/customers', activeBody({ email: taken.toUpperCase() }));
    expect(response.status).toBe(409);
    expect(response.body).toEqual({ type: `${ERRORS}duplicate`, title: 'Duplicate Resource', status: 409, detail: expect.stringContaining('already exists'), code: 'DUPLICATE_RESOURCE' });
    expect(count()).toBe(before);
  });
});

describe('Idempotency-Key', () => {
  it('replays a create with its status and body, creating once', async () => {
    const before = count();
    const body = activeBody();
    const first = await send('POST', '/customers', body, { 'idempotency-key': 'create-1' });
    const again = await send('POST', '/customers', body, { 'idempotency-key': 'create-1' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(count()).toBe(before + 1);
  });

  it('refuses a key reused for another payload or path with 422 IDEMPOTENCY_INVALID_REUSE', async () => {
    await send('POST', '/customers', { status: 'PROSPECT' }, { 'idempotency-key': 'reuse-1' });
    const other = await send('POST', '/customers', { status: 'PROSPECT', first_name: 'Other' }, { 'idempotency-key': 'reuse-1' });
    expect(other.status).toBe(422);
    expect(other.body).toEqual({
      type: `${ERRORS}unprocessable-entity`,
      title: 'Unprocessable Entity',
      status: 422,
      detail: expect.any(String),
      code: 'IDEMPOTENCY_INVALID_REUSE',
    });
    const id = (await api('/customers?limit=1')).body.customers[0].id;
    expect((await send('PATCH', `/customers/${id}`, { status: 'PROSPECT' }, { 'idempotency-key': 'reuse-1' })).body.code).toBe('IDEMPOTENCY_INVALID_REUSE');
  });

  it('replays a patch without running it again, replays a refusal too, and scopes keys to the API key', async () => {
    const id = (await api('/customers?limit=1')).body.customers[0].id;
    const first = await send('PATCH', `/customers/${id}`, { middle_name: 'Q' }, { 'idempotency-key': 'patch-1' });
    await send('PATCH', `/customers/${id}`, { middle_name: 'R' });
    const replay = await send('PATCH', `/customers/${id}`, { middle_name: 'Q' }, { 'idempotency-key': 'patch-1' });
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first.body);
    expect((await api(`/customers/${id}`)).body.middle_name).toBe('R');

    const refused = await send('POST', '/customers', { status: 'ACTIVE' }, { 'idempotency-key': 'bad-1' });
    expect((await send('POST', '/customers', { status: 'ACTIVE' }, { 'idempotency-key': 'bad-1' })).body).toEqual(refused.body);

    const before = count();
    await api('/customers', { method: 'POST', body: JSON.stringify({ status: 'PROSPECT' }), headers: { 'idempotency-key': 'shared' }, key: 'workspace-a' });
    await api('/customers', { method: 'POST', body: JSON.stringify({ status: 'PROSPECT' }), headers: { 'idempotency-key': 'shared' }, key: 'workspace-b' });
    expect(count()).toBe(before + 2);
  });
});

describe('PATCH /customers/{customer_id}', () => {
  it('changes only the fields given and moves last_updated_time, never creation_time', async () => {
    const before = (await api('/customers?status=ACTIVE&limit=1')).body.customers[0];
    const patched = await send('PATCH', `/customers/${before.id}`, { email: 'new.address@bank.example', middle_name: 'Kai' });
    expect(patched.status).toBe(200);
    const { email: _e, middle_name: _m, last_updated_time: updated, ...rest } = patched.body;
    const { email: _e2, middle_name: _m2, last_updated_time: previous, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
    expect(patched.body).toMatchObject({ email: 'new.address@bank.example', middle_name: 'Kai', creation_time: before.creation_time });
    expect(Date.parse(updated)).toBeGreaterThan(Date.parse(previous));
    expect((await api(`/customers/${before.id}`)).body).toEqual(patched.body);
  });

  it('replaces metadata as a whole', async () => {
    const id = (await api('/customers?limit=1')).body.customers[0].id;
    const patched = await send('PATCH', `/customers/${id}`, { metadata: { segment: 'premier' } });
    expect(patched.body.metadata).toEqual({ segment: 'premier' });
  });

  it('copies a new legal address to shipping only when the customer has no shipping address', async () => {
    const bare = (await send('POST', '/customers', { status: 'PROSPECT', first_name: 'No', last_name: 'Address' })).body;
    const legal = { address_line_1: '5 Elm St', city: 'Austin', state: 'TX', postal_code: '73301', country_code: 'US' };
    const copied = (await send('PATCH', `/customers/${bare.id}`, { legal_address: legal })).body;
    expect(copied.shipping_address).toMatchObject({ ...legal, address_type: 'SHIPPING' });
    const moved = (await send('PATCH', `/customers/${bare.id}`, { legal_address: { ...legal, address_line_1: '6 Elm St' } })).body;
    expect(moved.legal_address.address_line_1).toBe('6 Elm St');
    expect(moved.shipping_address).toEqual(copied.shipping_address);
  });

  it('requires a note to toggle ban_status between ALLOWED and SUSPENDED, and leaves BANNED to the platform', async () => {
    const id = (await api('/customers?status=ACTIVE&limit=1')).body.customers[0].id;
    const withoutNote = await send('PATCH', `/customers/${id}`, { ban_status: 'SUSPENDED' });
    expectProblem(withoutNote, 400, 'bad-request-body', 'BAD_REQUEST_BODY');
    expect(withoutNote.body.missing).toEqual(['note']);
    const suspended = await send('PATCH', `/customers/${id}`, { ban_status: 'SUSPENDED', note: 'chargeback investigation' });
    expect(suspended.body.ban_status).toBe('SUSPENDED');
    expect(suspended.body).not.toHaveProperty('note');
    expect((await send('PATCH', `/customers/${id}`, { ban_status: 'BANNED', note: 'x' })).body.invalid).toHaveProperty('ban_status');
  });

  it('upgrades a PROSPECT only with the fields a customer needs', async () => {
    const prospect = (await send('POST', '/customers', { status: 'PROSPECT', first_name: 'Pat', last_name: 'Lee' })).body;
    const refused = await send('PATCH', `/customers/${prospect.id}`, { status: 'ACTIVE' });
    expect(refused.body.missing).toEqual(['dob']);
    expect((await api(`/customers/${prospect.id}`)).body.status).toBe('PROSPECT');
    const upgraded = await send('PATCH', `/customers/${prospect.id}`, { status: 'ACTIVE', dob: '1985-06-30' });
    expect(upgraded.body).toMatchObject({ status: 'ACTIVE', dob: '1985-06-30' });
  });

  it('accepts read-only fields echoed unchanged, refuses changed ones, nulls and unknown ids', async () => {
    const customer = (await api('/customers?limit=1')).body.customers[0];
    expect((await send('PATCH', `/customers/${customer.id}`, { id: customer.id, middle_name: 'Jo' })).status).toBe(200);
    expect((await send('PATCH', `/customers/${customer.id}`, { creation_time: '2020-01-01T00:00:00.000Z' })).body.immutable).toEqual(['creation_time']);
    expect((await send('PATCH', `/customers/${customer.id}`, { tenant: 'elsewhere' })).body.immutable).toEqual(['tenant']);
    expect((await send('PATCH', `/customers/${customer.id}`, { email: null })).body.invalid).toEqual({ email: 'must be a string' });
    expectProblem(await send('PATCH', '/customers/7d943c51-e4ff-4e57-9558-08cab6b963c7', { middle_name: 'X' }), 404, 'not-found', 'RESOURCE_NOT_FOUND');
    expectProblem(await send('PATCH', '/customers/nope', { middle_name: 'X' }), 400, 'bad-request', 'BAD_REQUEST');
    expectProblem(await send('PATCH', `/customers/${customer.id}`, '{oops'), 400, 'bad-request-body', 'BAD_REQUEST_BODY');
  });
});

describe('PUT /customers/{customer_id}', () => {
  it('replaces the customer: omitted fields go, shipping follows the legal address', async () => {
    const created = (await send('POST', '/customers', activeBody({ middle_name: 'Anne', shipping_address: { address_line_1: 'PO Box 1', country_code: 'US' } }))).body;
    const replaced = await send('PUT', `/customers/${created.id}`, {
      status: 'ACTIVE',
      first_name: 'Janet',
      last_name: 'Doe',
      dob: '1990-04-12',
      legal_address: { address_line_1: '9 Oak Ave', country_code: 'US', postal_code: '94107' },
    });
    expect(replaced.status).toBe(200);
    const customer = replaced.body;
    expect(customer).toMatchObject({ id: created.id, first_name: 'Janet', metadata: {}, creation_time: created.creation_time, kyc_status: created.kyc_status, tenant: created.tenant });
    for (const gone of ['middle_name', 'email', 'phone_number', 'ssn', 'ssn_source']) expect(customer).not.toHaveProperty(gone);
    expect(customer.shipping_address).toMatchObject({ address_line_1: '9 Oak Ave', address_type: 'SHIPPING' });
  });

  it('takes a GET → PUT round trip unchanged, SSN last 4 and read-only fields included', async () => {
    const customer = (await api('/customers?status=ACTIVE&limit=1')).body.customers[0];
    const response = await send('PUT', `/customers/${customer.id}`, customer);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const strip = (value: Loose) => {
      const { last_updated_time: _t, addresses: _a, legal_address: legal, shipping_address: shipping, ...rest } = value;
      const { id: _l, ...legalRest } = legal ?? {};
      const { id: _s, ...shippingRest } = shipping ?? {};
      return { ...rest, legalRest, shippingRest };
    };
    expect(strip(response.body)).toEqual(strip(customer));
  });

  it('refuses a changed read-only field, a missing status and missing names', async () => {
    const customer = (await api('/customers?status=ACTIVE&limit=1')).body.customers[0];
    expect((await send('PUT', `/customers/${customer.id}`, { ...customer, has_accounts: !customer.has_accounts })).body.immutable).toEqual(['has_accounts']);
    expect((await send('PUT', `/customers/${customer.id}`, { first_name: 'A' })).body.missing).toContain('status');
    expect((await send('PUT', `/customers/${customer.id}`, { status: 'ACTIVE' })).body.missing).toEqual(['first_name', 'last_name', 'dob']);
    expectProblem(await send('PUT', '/customers/7d943c51-e4ff-4e57-9558-08cab6b963c7', { status: 'PROSPECT' }), 404, 'not-found', 'RESOURCE_NOT_FOUND');
  });

  it('does not honour Idempotency-Key (the spec declares none on PUT)', async () => {
    const id = (await api('/customers?limit=1')).body.customers[0].id;
    const first = await send('PUT', `/customers/${id}`, { status: 'PROSPECT', first_name: 'One' }, { 'idempotency-key': 'put-1' });
    const second = await send('PUT', `/customers/${id}`, { status: 'PROSPECT', first_name: 'Two' }, { 'idempotency-key': 'put-1' });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.body.first_name).toBe('Two');
  });
});

describe('routes and injected faults', () => {
  it('answers unknown paths with 404 and other methods with 405, both as problems', async () => {
    expectProblem(await api('/accounts'), 404, 'not-found', 'RESOURCE_NOT_FOUND');
    const id = (await api('/customers?limit=1')).body.customers[0].id;
    const deleted = await api(`/customers/${id}`, { method: 'DELETE' });
    expectProblem(deleted, 405, 'method-not-allowed', undefined);
    expect(deleted.headers.get('allow')).toBe('GET, PATCH, PUT');
  });

  it('renders a 429 with Retry-After and the body retry_after, and 5xx in the problem shape', async () => {
    sandbox.setFaults({ synctera: { rateLimitRate: 1, retryAfterSeconds: 3 } });
    const limited = await api('/customers');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(limited.body).toEqual({ type: `${ERRORS}too-many-requests`, title: 'Too Many Requests', status: 429, detail: expect.any(String), code: 'TOO_MANY_REQUESTS', retry_after: 3 });
    sandbox.setFaults({ synctera: { errorRate: 1, errorStatus: 500 } });
    expectProblem(await api('/customers'), 500, 'internal-server-error', 'INTERNAL_ERROR');
    sandbox.setFaults({ synctera: { errorRate: 1 } });
    expectProblem(await api('/customers'), 503, 'service-unavailable', undefined);
  });
});

/**
 * The sandbox's answers against Synctera's own OpenAPI document (v0.153.0). Two OpenAPI 3.0 features need a
 * pre-pass for Ajv: `discriminator.mapping` with `oneOf` (customer and prospect share one shape, so a plain
 * `oneOf` matches both and fails) becomes an if/then per mapped value, and `writeOnly` properties become
 * `false`, since they must never appear in a response. Ajv handles `nullable` itself; `readOnly` is an annotation.
 */
describe('OpenAPI conformance', () => {
  const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false });
  addFormats(ajv);
  for (const format of ['int32', 'int64', 'integer64', 'float', 'double', 'binary', 'string', 'US']) ajv.addFormat(format, true);
  ajv.addSchema(forResponses(spec) as object, 'synctera.json');
  const schemas = spec.components?.schemas ?? {};
  const documented = new Set<string>([
    ...Object.keys(schemas.base_customer?.properties ?? {}),
    ...Object.keys(schemas.customer?.allOf?.[1]?.properties ?? {}),
  ]);

  function expectValid(schema: string, data: unknown) {
    const validate = ajv.getSchema(`synctera.json#/components/schemas/${schema}`);
    if (validate === undefined) throw new Error(`no schema ${schema}`);
    expect(validate(data), `${schema}: ${JSON.stringify(validate.errors?.slice(0, 5))}`).toBe(true);
  }
  function expectCustomer(customer: Loose) {
    expectValid('customer_in_body', customer);
    expect(Object.keys(customer).filter((key) => !documented.has(key))).toEqual([]);
  }

  it('the pre-pass still rejects what the spec forbids', () => {
    const validate = ajv.getSchema('synctera.json#/components/schemas/customer_in_body');
    expect(validate?.({ id: '7d943c51-e4ff-4e57-9558-08cab6b963c7', status: 'PROSPECT', dob: '2000-01-01' })).toBe(true);
    expect(validate?.({ id: 'x', status: 'ACTIVE' })).toBe(false);
    expect(validate?.({ status: 'ACTIVE', dob: '01/02/2000' })).toBe(false);
    expect(validate?.({ status: 'NOPE' })).toBe(false);
    expect(validate?.({ status: 'ACTIVE', note: 'write only' })).toBe(false);
    expect(validate?.({ status: 'ACTIVE', phone_number: '555' })).toBe(false);
    expect(validate?.({ status: 'PROSPECT', legal_address: { city: 'Oslo' } })).toBe(false);
  });

  it('seeded customers of every status and the list envelope conform', async () => {
    const first = (await api('/customers')).body;
    expectValid('customer_list', first);
    const all = await walk();
    const byStatus = new Map(all.map((customer) => [customer.status, customer]));
    for (const customer of byStatus.values()) expectCustomer(customer);
    for (const customer of all) expectValid('customer_in_body', customer);
  });

  it('created, patched and replaced customers conform', async () => {
    const created = (await send('POST', '/customers', activeBody({ note: 'hello', middle_name: 'Lee' }))).body;
    expectCustomer(created);
    expectCustomer((await send('POST', '/customers', { status: 'PROSPECT' })).body);
    expectCustomer((await send('PATCH', `/customers/${created.id}`, { ban_status: 'SUSPENDED', note: 'review' })).body);
    expectCustomer((await send('PUT', `/customers/${created.id}`, { status: 'DORMANT', first_name: 'A', last_name: 'B', dob: '1970-01-01' })).body);
  });

  it('error bodies conform to the error schema', async () => {
    const id = (await api('/customers?limit=1')).body.customers[0].id;
    const responses = [
      await call(`${base}/customers`),
      await api('/customers/nope'),
      await api('/customers/7d943c51-e4ff-4e57-9558-08cab6b963c7'),
      await api('/customers?limit=0'),
      await send('POST', '/customers', { status: 'ACTIVE', phone_number: '1', id }),
      await send('POST', '/customers', activeBody({ email: (await api(`/customers/${id}`)).body.email })),
    ];
    sandbox.setFaults({ synctera: { rateLimitRate: 1 } });
    responses.push(await api('/customers'));
    for (const response of responses) {
      expect(response.status).toBeGreaterThanOrEqual(400);
      expectValid('error', response.body);
    }
  });
});

function forResponses(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forResponses);
  if (typeof node !== 'object' || node === null) return node;
  const source = node as Record<string, Loose>;
  const out: Record<string, Loose> = {};
  for (const [key, value] of Object.entries(source)) out[key] = forResponses(value);
  const discriminator = source.discriminator;
  if (Array.isArray(source.oneOf) && discriminator?.mapping !== undefined) {
    const property = discriminator.propertyName as string;
    const mapping = discriminator.mapping as Record<string, string>;
    delete out.oneOf;
    delete out.discriminator;
    out.required = [...(out.required ?? []), property];
    out.properties = { ...(out.properties ?? {}), [property]: { enum: Object.keys(mapping) } };
    out.allOf = [
      ...(out.allOf ?? []),
      ...Object.entries(mapping).map(([value, ref]) => ({ if: { properties: { [property]: { const: value } } }, then: { $ref: ref } })),
    ];
  }
  if (typeof out.properties === 'object' && out.properties !== null && (source.type === 'object' || source.properties !== undefined)) {
    for (const [name, schema] of Object.entries(out.properties as Record<string, Loose>)) {
      if (schema?.writeOnly === true) (out.properties as Record<string, unknown>)[name] = false;
    }
  }
  return out;
}
