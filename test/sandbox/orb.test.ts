import { describe, expect, it } from 'vitest';
import { EVERYWHERE_PEOPLE, generatePeople } from '../../src/sandbox/shared/people';
import { call, type Loose } from '../support/http';
import { startTestSandbox, withSeedTwins } from '../support/provider-setup';
import { walkPages } from '../support/walk';

const SEED_NOW = new Date('2026-11-01T00:00:00Z');
const PEOPLE = 200;
const ERRORS = 'https://docs.withorb.com/reference/error-responses#';
const people = generatePeople(42, PEOPLE, SEED_NOW);

const sandbox = await startTestSandbox(['orb'], { people: PEOPLE });
const base = sandbox.baseUrls.orb as string;

function orb(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string>; key?: string | null } = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.key !== null) headers.authorization = `Bearer ${init.key ?? 'test_key'}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const body = init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
  return call(`${base}${path}`, { method: init.method ?? 'GET', headers, body });
}

/** Every customer of a list walk, page by page, with the cursor Orb hands back. */
function walk(query = '', limit = 37): Promise<Loose[]> {
  return walkPages<Loose, string>(async (cursor) => {
    const page = await orb(`/customers?limit=${limit}${query}${cursor === null ? '' : `&cursor=${cursor}`}`);
    expect(page.status).toBe(200);
    expect(page.body.data.length).toBeLessThanOrEqual(limit);
    const next: string | null = page.body.pagination_metadata.next_cursor;
    expect(page.body.pagination_metadata.has_more).toBe(next !== null);
    return { items: page.body.data, next };
  });
}

const newCustomer = (extra: Record<string, unknown> = {}) => ({ email: 'new.person@example.com', name: 'New Person', ...extra });

/** A live seeded customer matching a condition, read from the full list. */
async function seeded(condition: (customer: Loose) => boolean): Promise<Loose> {
  const found = (await walk('', 100)).find(condition);
  expect(found, 'no seeded customer matches').toBeDefined();
  return found;
}

describe('orb simulator: auth and routing', () => {
  it('answers a missing, empty or non-Bearer credential with Orb 401 body, before routing', async () => {
    const expected = { type: `${ERRORS}401-authentication-error`, status: 401, title: 'Authentication failure', detail: 'Your request did not provide a valid or well-formatted API key.' };
    for (const headers of [{}, { authorization: 'Bearer ' }, { authorization: 'Basic abc' }] as Record<string, string>[]) {
      const response = await orb('/customers', { key: null, headers });
      expect(response.status).toBe(401);
      expect(response.body).toEqual(expected);
    }
    expect((await orb('/nowhere', { key: null })).status).toBe(401);
    expect((await orb('/customers', { key: 'any-non-empty-key' })).status).toBe(200);
  });

  it('answers unknown paths and methods with 404 url-not-found', async () => {
    for (const [method, path] of [['GET', '/plans'], ['PATCH', '/customers'], ['POST', '/customers/abc']]) {
      const response = await orb(path as string, { method });
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ type: `${ERRORS}404-url-not-found`, status: 404 });
    }
  });
});

describe('orb simulator: seed data', () => {
  it('holds 50–75 % of people, always the first ones, linked by external_customer_id', async () => {
    const all = await walk('', 100);
    expect(all.length).toBe(sandbox.customerCounts().orb);
    expect(all.length).toBeGreaterThanOrEqual(PEOPLE * 0.5);
    expect(all.length).toBeLessThanOrEqual(PEOPLE * 0.75);
    for (const person of people.slice(0, EVERYWHERE_PEOPLE)) {
      const response = await orb(`/customers/external_customer_id/${person.externalId}`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ email: person.email, name: `${person.firstName} ${person.lastName}`, timezone: person.timezone, currency: person.currency });
    }
  });

  it('derives each customer from its person: created after sign-up and not after the seed instant', async () => {
    const all = await walk('', 100);
    const byExternalId = new Map(people.map((person) => [person.externalId, person]));
    let linked = 0;
    for (const customer of all) {
      expect(customer.id).toMatch(/^[0-9A-Za-z]{15,16}$/);
      expect(customer.balance).toMatch(/^-?\d+\.\d{2}$/);
      expect(Date.parse(customer.created_at)).toBeLessThanOrEqual(SEED_NOW.getTime());
      const person = customer.external_customer_id === null ? undefined : byExternalId.get(customer.external_customer_id);
      if (person === undefined) continue;
      linked++;
      expect(customer.email).toBe(person.email);
      expect(Date.parse(customer.created_at)).toBeGreaterThanOrEqual(person.signedUpAt.getTime());
      expect(customer.timezone).toBe(person.timezone);
      if (customer.billing_address !== null) expect(customer.billing_address).toMatchObject({ city: person.address.city, country: person.address.country, postal_code: person.address.postalCode });
      if (customer.payment_provider?.startsWith('stripe')) expect(customer.payment_provider_id).toMatch(/^cus_[0-9A-Za-z]{14}$/);
    }
    expect(new Set(all.map((customer) => customer.id)).size).toBe(all.length);
    // Varied: a few without an external id, some with credit, some with a card on file.
    expect(linked).toBeLessThan(all.length);
    expect(all.some((customer) => customer.balance !== '0.00')).toBe(true);
    expect(all.some((customer) => customer.default_payment_method !== null)).toBe(true);
    expect(all.filter((customer) => customer.payment_provider === 'stripe_charge').length).toBeGreaterThan(all.length / 2);
  });

  it('is deterministic: the same seed gives the same first page, another seed another', async () => {
    await withSeedTwins('orb', { people: PEOPLE }, async ({ sameSeed, otherSeed }) => {
      const headers = { authorization: 'Bearer k' };
      const first = (await orb('/customers')).body;
      expect((await call(`${sameSeed}/customers`, { headers })).body).toEqual(first);
      expect((await call(`${otherSeed}/customers`, { headers })).body.data[0].id).not.toBe(first.data[0].id);
    });
  });
});

describe('orb simulator: fetch', () => {
  it('fetches by id and by external id, the same customer the list shows', async () => {
    const [first] = (await orb('/customers?limit=1')).body.data;
    expect((await orb(`/customers/${first.id}`)).body).toEqual(first);
    const withExternal = await seeded((customer) => customer.external_customer_id !== null);
    expect((await orb(`/customers/external_customer_id/${withExternal.external_customer_id}`)).body).toEqual(withExternal);
  });

  it('answers unknown ids with the 404 resource-not-found body', async () => {
    expect(await orb('/customers/DBhwNcMNfYgeBpn')).toMatchObject({
      status: 404,
      body: {
        type: `${ERRORS}404-resource-not-found`,
        status: 404,
        title: 'A specified resource was not found.',
        detail: 'Could not find a resource of type Customer with identifier: DBhwNcMNfYgeBpn.',
      },
    });
    const missing = await orb('/customers/external_customer_id/nobody');
    expect(missing.status).toBe(404);
    expect(missing.body.type).toBe(`${ERRORS}404-resource-not-found`);
  });

  it('reads external ids percent-encoded in the path, slashes and question marks included', async () => {
    const externalId = 'en/cus/?1500';
    const created = await orb('/customers', { method: 'POST', body: newCustomer({ external_customer_id: externalId }) });
    expect(created.status).toBe(201);
    const fetched = await orb(`/customers/external_customer_id/${encodeURIComponent(externalId)}`);
    expect(fetched.body.id).toBe(created.body.id);
  });
});

describe('orb simulator: list', () => {
  it('pages newest first, 20 by default, and a walk sees every customer once', async () => {
    const page = await orb('/customers');
    expect(page.body.data).toHaveLength(20);
    expect(page.body.pagination_metadata.has_more).toBe(true);
    const all = await walk();
    const times = all.map((customer) => Date.parse(customer.created_at));
    expect(times).toEqual([...times].sort((left, right) => right - left));
    expect(new Set(all.map((customer) => customer.id)).size).toBe(sandbox.customerCounts().orb);
  });

  it('keeps a walk exact while others create and delete', async () => {
    const before = await walk('', 100);
    const seen: string[] = [];
    let cursor: string | null = null;
    let deletedAhead: string | null = null;
    for (let page = 0; ; page++) {
      const response = await orb(`/customers?limit=25${cursor === null ? '' : `&cursor=${cursor}`}`);
      seen.push(...response.body.data.map((customer: Loose) => customer.id));
      cursor = response.body.pagination_metadata.next_cursor;
      if (cursor === null) break;
      if (page === 0) {
        await orb('/customers', { method: 'POST', body: newCustomer() });
        deletedAhead = before[before.length - 3].id;
        expect((await orb(`/customers/${deletedAhead}`, { method: 'DELETE' })).status).toBe(204);
      }
    }
    expect(new Set(seen).size).toBe(seen.length);
    const expected = before.map((customer) => customer.id).filter((id) => id !== deletedAhead);
    expect(seen.filter((id) => before.some((customer) => customer.id === id))).toEqual(expected);
  });

  it('filters on created_at[gt|gte|lt|lte], bounds as named', async () => {
    const all = await walk('', 100);
    const pivot = all[Math.floor(all.length / 2)].created_at as string;
    const at = Date.parse(pivot);
    const encoded = encodeURIComponent(pivot);
    const cases: [string, (time: number) => boolean][] = [
      ['gt', (time) => time > at], ['gte', (time) => time >= at], ['lt', (time) => time < at], ['lte', (time) => time <= at],
    ];
    for (const [bound, keep] of cases) {
      const filtered = await walk(`&${encodeURIComponent(`created_at[${bound}]`)}=${encoded}`, 30);
      expect(filtered.map((customer) => customer.id), bound).toEqual(all.filter((customer) => keep(Date.parse(customer.created_at))).map((customer) => customer.id));
    }
    const window = await walk(`&created_at[gte]=${encoded}&created_at[lt]=${encodeURIComponent(all[5].created_at)}`);
    expect(window.every((customer) => Date.parse(customer.created_at) >= at && Date.parse(customer.created_at) < Date.parse(all[5].created_at))).toBe(true);
    expect(window.length).toBeGreaterThan(0);
  });

  it('refuses out-of-range limits, bad dates and foreign cursors with validation_errors', async () => {
    for (const query of ['limit=0', 'limit=101', 'limit=abc', 'created_at[gte]=yesterday', 'cursor=not*a*cursor', `cursor=${Buffer.from('x').toString('base64url')}`]) {
      const response = await orb(`/customers?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.type).toBe(`${ERRORS}400-request-validation-errors`);
      expect(response.body.validation_errors).toHaveLength(1);
    }
    expect((await orb('/customers?limit=100')).body.data).toHaveLength(100);
  });
});

describe('orb simulator: create', () => {
  it('creates with defaults and makes the customer visible to fetch and list', async () => {
    const created = await orb('/customers', {
      method: 'POST',
      body: newCustomer({ external_customer_id: 'ext-new-1', currency: 'EUR', metadata: { tier: 'gold', drop: null }, payment_provider: 'stripe_charge', payment_provider_id: 'cus_ABC' }),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email: 'new.person@example.com', name: 'New Person', external_customer_id: 'ext-new-1', currency: 'EUR', balance: '0.00', timezone: 'UTC',
      metadata: { tier: 'gold' }, auto_collection: true, hierarchy: { children: [], parent: null }, default_payment_method: null,
    });
    expect(created.body.id).toMatch(/^[0-9A-Za-z]{15,16}$/);
    expect((await orb(`/customers/${created.body.id}`)).body).toEqual(created.body);
    const listed = await walk(`&created_at[gte]=${encodeURIComponent(created.body.created_at)}`);
    expect(listed.map((customer) => customer.id)).toContain(created.body.id);
    expect(sandbox.customerCounts().orb).toBe((await walk('', 100)).length);
  });

  it('refuses missing, mistyped and unknown fields with one validation error each', async () => {
    const response = await orb('/customers', { method: 'POST', body: { email: 'not-an-email', currency: 'usd', auto_collection: 'yes', timezone: 'Mars/Base', colour: 'red' } });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ type: `${ERRORS}400-request-validation-errors`, status: 400, title: 'Request validation error' });
    const fields = response.body.validation_errors.map((entry: Loose) => entry.loc.join('.'));
    expect(fields.sort()).toEqual(['auto_collection', 'colour', 'currency', 'email', 'name', 'timezone']);
    expect(response.body.validation_errors.find((entry: Loose) => entry.loc[0] === 'name')).toEqual({ loc: ['name'], msg: 'field required', type: 'value_error.missing' });
  });

  it('refuses malformed JSON and a body that is not an object', async () => {
    for (const body of ['{"email": ', '[1, 2]', '"text"']) {
      const response = await orb('/customers', { method: 'POST', body });
      expect(response.status, body).toBe(400);
      expect(response.body.type).toBe(`${ERRORS}400-request-validation-errors`);
    }
    expect(sandbox.customerCounts().orb).toBe((await walk('', 100)).length);
  });

  it('refuses a taken external_customer_id with 400 duplicate-resource-creation, and frees it on delete', async () => {
    const holder = await seeded((customer) => customer.external_customer_id !== null);
    const duplicate = await orb('/customers', { method: 'POST', body: newCustomer({ external_customer_id: holder.external_customer_id }) });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body).toMatchObject({ type: `${ERRORS}400-duplicate-resource-creation`, status: 400, title: 'Duplicate resource creation' });
    await orb(`/customers/${holder.id}`, { method: 'DELETE' });
    const reused = await orb('/customers', { method: 'POST', body: newCustomer({ external_customer_id: holder.external_customer_id }) });
    expect(reused.status).toBe(201);
    expect((await orb(`/customers/external_customer_id/${holder.external_customer_id}`)).body.id).toBe(reused.body.id);
  });

  it('links a new customer under a parent, and refuses an unknown parent', async () => {
    const parent = (await orb('/customers?limit=1')).body.data[0];
    const child = await orb('/customers', { method: 'POST', body: newCustomer({ hierarchy: { parent_customer_id: parent.id } }) });
    expect(child.body.hierarchy.parent).toEqual({ id: parent.id, external_customer_id: parent.external_customer_id });
    expect((await orb(`/customers/${parent.id}`)).body.hierarchy.children).toContainEqual({ id: child.body.id, external_customer_id: null });
    const orphan = await orb('/customers', { method: 'POST', body: newCustomer({ hierarchy: { parent_customer_id: 'nope' } }) });
    expect(orphan.status).toBe(404);
  });
});

describe('orb simulator: update', () => {
  it('updates by id with partial semantics and merges metadata', async () => {
    const target = await seeded((customer) => Object.keys(customer.metadata).length >= 2);
    const [kept, removed] = Object.keys(target.metadata);
    const response = await orb(`/customers/${target.id}`, { method: 'PUT', body: { name: 'Renamed', metadata: { [removed as string]: null, added: 'yes' } } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ...target, name: 'Renamed', metadata: { ...Object.fromEntries(Object.entries(target.metadata).filter(([key]) => key !== removed)), added: 'yes' } });
    expect(response.body.metadata[kept as string]).toBe(target.metadata[kept as string]);
    const cleared = await orb(`/customers/${target.id}`, { method: 'PUT', body: { metadata: null } });
    expect(cleared.body.metadata).toEqual({});
  });

  it('updates by external id, the same semantics', async () => {
    const target = await seeded((customer) => customer.external_customer_id !== null);
    const response = await orb(`/customers/external_customer_id/${target.external_customer_id}`, {
      method: 'PUT',
      body: { email: 'changed@example.com', billing_address: { line1: '1 New St', country: 'US' } },
    });
    expect(response.body).toMatchObject({ id: target.id, email: 'changed@example.com', billing_address: { line1: '1 New St', country: 'US', city: null } });
    expect((await orb(`/customers/${target.id}`)).body.email).toBe('changed@example.com');
  });

  it('sets currency and external_customer_id only while unset, and never timezone', async () => {
    const noCurrency = await seeded((customer) => customer.currency === null);
    expect((await orb(`/customers/${noCurrency.id}`, { method: 'PUT', body: { currency: 'JPY' } })).body.currency).toBe('JPY');
    const unlinked = await seeded((customer) => customer.external_customer_id === null);
    expect((await orb(`/customers/${unlinked.id}`, { method: 'PUT', body: { external_customer_id: 'late-link' } })).body.external_customer_id).toBe('late-link');
    expect((await orb('/customers/external_customer_id/late-link')).body.id).toBe(unlinked.id);
    const fixed = await seeded((customer) => customer.currency !== null && customer.external_customer_id !== null);
    for (const body of [{ currency: fixed.currency === 'USD' ? 'EUR' : 'USD' }, { external_customer_id: 'other' }]) {
      const refused = await orb(`/customers/${fixed.id}`, { method: 'PUT', body });
      expect(refused.status).toBe(400);
      expect(refused.body.type).toBe(`${ERRORS}400-constraint-violation`);
    }
    expect((await orb(`/customers/${fixed.id}`, { method: 'PUT', body: { currency: fixed.currency } })).status).toBe(200);
    const timezone = await orb(`/customers/${fixed.id}`, { method: 'PUT', body: { timezone: 'UTC' } });
    expect(timezone.status).toBe(400);
    expect(timezone.body.validation_errors).toEqual([{ loc: ['timezone'], msg: 'timezone cannot be changed after customer creation', type: 'value_error.immutable' }]);
  });

  it('changes nothing when any part of an update is refused', async () => {
    const target = await seeded((customer) => customer.currency !== null);
    const refused = await orb(`/customers/${target.id}`, { method: 'PUT', body: { name: 'Half Applied', currency: target.currency === 'USD' ? 'EUR' : 'USD' } });
    expect(refused.status).toBe(400);
    const invalid = await orb(`/customers/${target.id}`, { method: 'PUT', body: { name: 'Half Applied', email: null } });
    expect(invalid.status).toBe(400);
    expect((await orb(`/customers/${target.id}`)).body).toEqual(target);
  });

  it('answers 404 for unknown targets', async () => {
    expect((await orb('/customers/unknownid123456', { method: 'PUT', body: { name: 'x' } })).status).toBe(404);
    expect((await orb('/customers/external_customer_id/nobody', { method: 'PUT', body: { name: 'x' } })).status).toBe(404);
  });

  it('ignores Idempotency-Key on PUT: both writes apply, nothing is replayed', async () => {
    const [target] = (await orb('/customers?limit=1')).body.data;
    const headers = { 'idempotency-key': 'put-key' };
    await orb(`/customers/${target.id}`, { method: 'PUT', body: { name: 'First' }, headers });
    const second = await orb(`/customers/${target.id}`, { method: 'PUT', body: { name: 'Second' }, headers });
    expect(second.status).toBe(200);
    expect(second.body.name).toBe('Second');
    expect(second.headers.get('idempotent-replayed')).toBeNull();
  });
});

describe('orb simulator: delete', () => {
  it('soft-deletes: 204, then a tombstone on fetch, gone from the list, and 404 for further writes', async () => {
    const target = await seeded((customer) => customer.external_customer_id !== null);
    const count = sandbox.customerCounts().orb as number;
    const deleted = await orb(`/customers/${target.id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect((await orb(`/customers/${target.id}`)).body).toEqual({ id: target.id, deleted: true });
    expect((await orb(`/customers/external_customer_id/${target.external_customer_id}`)).body).toEqual({ id: target.id, deleted: true });
    expect(sandbox.customerCounts().orb).toBe(count - 1);
    expect((await walk('', 100)).some((customer) => customer.id === target.id)).toBe(false);
    for (const [method, path] of [['DELETE', `/customers/${target.id}`], ['PUT', `/customers/${target.id}`], ['POST', `/customers/${target.id}/sync_payment_methods_from_gateway`]]) {
      expect((await orb(path as string, { method, body: method === 'PUT' ? { name: 'x' } : undefined })).status).toBe(404);
    }
  });
});

describe('orb simulator: sync payment methods', () => {
  it('mirrors the gateway default card for a Stripe customer, by id and by external id', async () => {
    const bare = (await walk('', 100)).filter((customer) => customer.payment_provider === 'stripe_charge' && customer.default_payment_method === null);
    expect(bare.length).toBeGreaterThan(1);
    const byId = await orb(`/customers/${bare[0].id}/sync_payment_methods_from_gateway`, { method: 'POST' });
    expect(byId.status).toBe(204);
    const synced = (await orb(`/customers/${bare[0].id}`)).body.default_payment_method;
    expect(synced).toMatchObject({ customer_id: bare[0].id, default: true, provider_type: 'stripe' });
    expect(synced.external_payment_method_id).toMatch(/^pm_/);
    const linked = bare.find((customer) => customer.external_customer_id !== null && customer.id !== bare[0].id);
    const byExternal = await orb(`/customers/external_customer_id/${linked.external_customer_id}/sync_payment_methods_from_gateway`, { method: 'POST' });
    expect(byExternal.status).toBe(204);
    expect((await orb(`/customers/${linked.id}`)).body.default_payment_method).not.toBeNull();
  });

  it('refuses customers without a Stripe payment provider, and unknown ones', async () => {
    const other = await seeded((customer) => customer.payment_provider === null || !customer.payment_provider.startsWith('stripe'));
    const refused = await orb(`/customers/${other.id}/sync_payment_methods_from_gateway`, { method: 'POST' });
    expect(refused.status).toBe(400);
    expect(refused.body.type).toBe(`${ERRORS}400-constraint-violation`);
    expect((await orb('/customers/nobody/sync_payment_methods_from_gateway', { method: 'POST' })).status).toBe(404);
  });
});

describe('orb simulator: idempotency', () => {
  it('replays a POST with the same key and body, echoing the key', async () => {
    const headers = { 'idempotency-key': 'create-1' };
    const first = await orb('/customers', { method: 'POST', body: newCustomer(), headers });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotency-key')).toBe('create-1');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const count = sandbox.customerCounts().orb;
    const replay = await orb('/customers', { method: 'POST', body: newCustomer(), headers });
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.headers.get('idempotency-key')).toBe('create-1');
    expect(sandbox.customerCounts().orb).toBe(count);
  });

  it('replays the first answer even after the customer has changed since', async () => {
    const headers = { 'idempotency-key': 'create-then-edit' };
    const first = await orb('/customers', { method: 'POST', body: newCustomer(), headers });
    await orb(`/customers/${first.body.id}`, { method: 'PUT', body: { name: 'Edited Later' } });
    const replay = await orb('/customers', { method: 'POST', body: newCustomer(), headers });
    expect(replay.body).toEqual(first.body);
    expect((await orb(`/customers/${first.body.id}`)).body.name).toBe('Edited Later');
  });

  it('answers 409 resource-conflict when the key comes back with another body', async () => {
    const headers = { 'idempotency-key': 'create-2' };
    await orb('/customers', { method: 'POST', body: newCustomer(), headers });
    const conflict = await orb('/customers', { method: 'POST', body: newCustomer({ name: 'Someone Else' }), headers });
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({ type: `${ERRORS}409-resource-conflict`, status: 409, title: 'Resource conflict' });
  });

  it('scopes keys per API key and refuses keys longer than 64 characters', async () => {
    const headers = { 'idempotency-key': 'shared' };
    const one = await orb('/customers', { method: 'POST', body: newCustomer(), headers, key: 'account_a' });
    const two = await orb('/customers', { method: 'POST', body: newCustomer(), headers, key: 'account_b' });
    expect(two.body.id).not.toBe(one.body.id);
    const long = await orb('/customers', { method: 'POST', body: newCustomer(), headers: { 'idempotency-key': 'k'.repeat(65) } });
    expect(long.status).toBe(400);
    expect(long.body.type).toBe(`${ERRORS}400-request-validation-errors`);
    expect((await orb('/customers', { method: 'POST', body: newCustomer(), headers: { 'idempotency-key': 'k'.repeat(64) } })).status).toBe(201);
  });

  it('stores a 4xx answer too: the same failed request replays it instead of running again', async () => {
    const headers = { 'idempotency-key': 'bad-then-good' };
    expect((await orb('/customers', { method: 'POST', body: { name: 'No Email' }, headers })).status).toBe(400);
    const replay = await orb('/customers', { method: 'POST', body: { name: 'No Email' }, headers });
    expect(replay.status).toBe(400);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  });
});

describe('orb simulator: injected faults', () => {
  it('renders 5xx and 429 in Orb error shape', async () => {
    sandbox.setFaults({ orb: { errorRate: 1, errorStatus: 503 } });
    const failed = await orb('/customers');
    expect(failed.status).toBe(503);
    expect(failed.body).toMatchObject({ type: `${ERRORS}500-internal-server-error`, status: 503 });
    expect(failed.headers.get('transient-error')).toBe('true');
    sandbox.setFaults({ orb: { rateLimitRate: 1, retryAfterSeconds: 3 } });
    const limited = await orb('/customers');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(limited.body).toMatchObject({ type: `${ERRORS}429-too-many-requests`, status: 429 });
  });
});
