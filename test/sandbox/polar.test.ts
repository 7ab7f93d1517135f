import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { call, type Loose } from '../support/http';
import { startTestSandbox, withSeedTwins } from '../support/provider-setup';
import { providerSpecPath } from '../support/specs';
import { walkPages } from '../support/walk';

/** Polar's official OpenAPI document, from shared/ beside the repository. */
const SPEC_PATH = providerSpecPath('polar.openapi.json');

type SchemaName = 'Customer' | 'ListResource_Customer_' | 'CustomerState' | 'ResourceNotFound' | 'HTTPValidationError';

function createSchemaChecker(): (name: SchemaName, value: unknown) => void {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormats as unknown as (instance: Ajv2020) => void)(ajv);
  ajv.addFormat('uuid4', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
  ajv.addSchema({ ...JSON.parse(readFileSync(SPEC_PATH, 'utf8')), $id: 'polar-openapi' });
  return (name, value) => {
    const validate = ajv.getSchema(`polar-openapi#/components/schemas/${name}`);
    if (validate === undefined) throw new Error(`no schema ${name}`);
    const valid = validate(value);
    expect(valid ? [] : validate.errors, `${name} schema`).toEqual([]);
  };
}

const matchesSchema = createSchemaChecker();
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const sandbox = await startTestSandbox(['polar']);
const base = sandbox.baseUrls.polar as string;
const auth = { authorization: 'Bearer polar_oat_sandbox' };

async function get(path: string, headers: Record<string, string> = auth) {
  return call(`${base}${path}`, { headers });
}

async function send(method: string, path: string, body: unknown, headers: Record<string, string> = auth) {
  return call(`${base}${path}`, {
    method,
    headers: { ...headers, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function listAll(query = ''): Promise<Loose[]> {
  return walkPages<Loose, number>(async (cursor) => {
    const page = cursor ?? 1;
    const response = await get(`/v1/customers/?limit=100&page=${page}${query}`);
    expect(response.status).toBe(200);
    return { items: response.body.items, next: page >= response.body.pagination.max_page ? null : page + 1 };
  });
}

describe('polar sandbox: auth, routing, faults', () => {
  it('serves below /polar and checks the OpenAPI document is present', () => {
    expect(base).toBe(`${sandbox.url}/polar`);
  });

  it('refuses a missing, empty or non-bearer credential with Polar 401 body and WWW-Authenticate', async () => {
    for (const headers of [{}, { authorization: 'Bearer ' }, { authorization: 'Basic abc' }] as Record<string, string>[]) {
      const response = await get('/v1/customers/', headers);
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ error: 'Unauthorized', detail: 'Unauthorized' });
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="polar"');
    }
    const write = await send('POST', '/v1/customers/', { email: 'x@example.com' }, {});
    expect(write.status).toBe(401);
  });

  it('answers unknown paths and methods like Starlette, and unknown API versions with 404', async () => {
    expect(await get('/v1/nothing')).toMatchObject({ status: 404, body: { detail: 'Not Found' } });
    expect(await send('PUT', '/v1/customers/', {})).toMatchObject({ status: 405, body: { detail: 'Method Not Allowed' } });
    expect(await get('/v1/customers/', { ...auth, 'polar-version': '1999-01' })).toMatchObject({ status: 404, body: { detail: 'Not Found' } });
    const versioned = await get('/v1/customers/?limit=1', { ...auth, 'polar-version': '2026-10' });
    expect(versioned.status).toBe(200);
    expect(versioned.headers.get('polar-version')).toBe('2026-10');
  });

  it('renders injected 429 with an empty body and retry-after, and 5xx in the generic error shape', async () => {
    sandbox.setFaults({ polar: { rateLimitRate: 1, retryAfterSeconds: 4 } });
    const limited = await get('/v1/customers/');
    expect(limited.status).toBe(429);
    expect(limited.text).toBe('');
    expect(limited.headers.get('retry-after')).toBe('4');
    sandbox.setFaults({ polar: { errorRate: 1, errorStatus: 500 } });
    expect(await get('/v1/customers/')).toMatchObject({ status: 500, body: { error: 'InternalServerError', detail: 'Internal Server Error' } });
  });
});

describe('polar sandbox: list', () => {
  it('pages newest first with the default limit of 10, with and without the trailing slash', async () => {
    const slash = await get('/v1/customers/');
    const bare = await get('/v1/customers');
    expect(slash.status).toBe(200);
    expect(bare.body).toEqual(slash.body);
    matchesSchema('ListResource_Customer_', slash.body);
    const total = sandbox.customerCounts().polar as number;
    expect(slash.body.items).toHaveLength(10);
    expect(slash.body.pagination).toEqual({ total_count: total, max_page: Math.ceil(total / 10) });
    const created = slash.body.items.map((item: Loose) => Date.parse(item.created_at));
    expect([...created].sort((a, b) => b - a)).toEqual(created);
    for (const item of slash.body.items) expect(item.id).toMatch(uuid);
  });

  it('walks every customer exactly once, clamps limits above 100 and returns nothing past the last page', async () => {
    const total = sandbox.customerCounts().polar as number;
    expect(total).toBeGreaterThan(200 * 0.45);
    expect(total).toBeLessThan(200 * 0.8);
    const seen = new Set<string>();
    for (let page = 1; page <= Math.ceil(total / 37); page++) {
      const response = await get(`/v1/customers/?limit=37&page=${page}`);
      for (const item of response.body.items) seen.add(item.id);
    }
    expect(seen.size).toBe(total);
    const clamped = await get('/v1/customers/?limit=500');
    expect(clamped.body.items).toHaveLength(100);
    expect(clamped.body.pagination.max_page).toBe(Math.ceil(total / 100));
    const beyond = await get('/v1/customers/?limit=100&page=99');
    expect(beyond.body.items).toEqual([]);
    expect(beyond.body.pagination.total_count).toBe(total);
  });

  it('refuses bad page, limit and sorting with pydantic errors', async () => {
    const bad = await get('/v1/customers/?page=abc&limit=0&sorting=age');
    expect(bad.status).toBe(422);
    matchesSchema('HTTPValidationError', bad.body);
    expect(bad.body.error).toBe('RequestValidationError');
    expect(bad.body.detail.map((issue: Loose) => [issue.type, issue.loc])).toEqual([
      ['int_parsing', ['query', 'page']],
      ['greater_than', ['query', 'limit']],
      ['enum', ['query', 'sorting']],
    ]);
    expect(bad.body.detail[1]).toMatchObject({ msg: 'Input should be greater than 0', input: '0', ctx: { gt: 0 } });
  });

  it('sorts by the repeatable sorting parameter', async () => {
    const byEmail = await listAll('&sorting=email');
    const emails = byEmail.map((item) => item.email);
    expect(emails).toEqual([...emails].sort());
    const byName = (await get('/v1/customers/?limit=100&sorting=-name&sorting=created_at')).body.items as Loose[];
    const names = byName.map((item) => item.name);
    const firstNamed = names.findIndex((name) => name !== null);
    // Descending puts NULL names first, as PostgreSQL does.
    expect(names.slice(0, firstNamed).every((name) => name === null)).toBe(true);
    const named = names.slice(firstNamed) as string[];
    expect(named).toEqual([...named].sort().reverse());
  });

  it('keeps every sort order right across creates, renames and deletes', async () => {
    await listAll('&sorting=email');
    await listAll('&sorting=-name');
    const created = (await send('POST', '/v1/customers/', { email: 'zzz.last@example.com', name: 'Zed' })).body;
    expect((await get('/v1/customers/?limit=1')).body.items[0].id).toBe(created.id);
    await send('PATCH', `/v1/customers/${created.id}`, { email: '0.first@example.com', name: null });
    const byEmail = await listAll('&sorting=email');
    expect(byEmail[0].id).toBe(created.id);
    expect(byEmail.map((item) => item.email)).toEqual(byEmail.map((item) => item.email).sort());
    expect((await get('/v1/customers/?limit=1&sorting=-name')).body.items[0].name).toBeNull();
    await call(`${base}/v1/customers/${created.id}`, { method: 'DELETE', headers: auth });
    const after = await listAll('&sorting=email');
    expect(after.some((item) => item.id === created.id)).toBe(false);
    expect(after).toHaveLength(sandbox.customerCounts().polar as number);
  });

  it('filters by exact email (any case), query, metadata, organization and active', async () => {
    const everyone = await listAll();
    const sample = everyone[7];
    const byEmail = await get(`/v1/customers/?email=${encodeURIComponent(sample.email.toUpperCase())}`);
    expect(byEmail.body.items.map((item: Loose) => item.id)).toEqual([sample.id]);
    const partial = await get(`/v1/customers/?email=${encodeURIComponent(sample.email.slice(1))}`);
    expect(partial.body.pagination.total_count).toBe(0);

    const word = 'sara';
    const queried = await listAll(`&query=${word}`);
    const expected = everyone.filter((item) =>
      [item.email, item.name, item.billing_name].some((value) => value?.toLowerCase().includes(word)) || item.external_id?.startsWith(word));
    expect(queried.map((item) => item.id).sort()).toEqual(expected.map((item) => item.id).sort());
    const byExternalPrefix = await listAll('&query=USER_00000');
    expect(byExternalPrefix.map((item) => item.external_id).sort()).toEqual(everyone.map((item) => item.external_id).filter((id) => /^user_00000/.test(id ?? '')).sort());

    const fromSales = await listAll('&metadata[source]=sales&metadata[source]=partner');
    expect(fromSales.length).toBe(everyone.filter((item) => ['sales', 'partner'].includes(item.metadata.source)).length);
    expect(fromSales.length).toBeGreaterThan(0);
    const bothKeys = await listAll('&metadata[source]=sales&metadata[beta_tester]=true');
    expect(bothKeys.every((item) => item.metadata.source === 'sales' && item.metadata.beta_tester === true)).toBe(true);

    const organizationId = sample.organization_id;
    expect((await get(`/v1/customers/?organization_id=${organizationId}`)).body.pagination.total_count).toBe(everyone.length);
    expect((await get('/v1/customers/?organization_id=1dbfc517-0bbf-4301-9ba8-555ca42b9737')).body.pagination.total_count).toBe(0);
    const badOrganization = await get('/v1/customers/?organization_id=nope');
    expect(badOrganization.status).toBe(422);
    expect(badOrganization.body.detail[0]).toMatchObject({ type: 'uuid_parsing', loc: ['query', 'organization_id'], input: 'nope' });

    const active = (await get('/v1/customers/?active=true')).body.pagination.total_count;
    const inactive = (await get('/v1/customers/?active=false')).body.pagination.total_count;
    expect(active).toBeGreaterThan(0);
    expect(active + inactive).toBe(everyone.length);
    expect((await get('/v1/customers/?active=maybe')).body.detail[0]).toMatchObject({ type: 'bool_parsing', loc: ['query', 'active'] });
  });
});

describe('polar sandbox: get', () => {
  it('gets by id and by external id, the same customer, valid against the schema', async () => {
    const byExternal = await get('/v1/customers/external/user_000001');
    expect(byExternal.status).toBe(200);
    matchesSchema('Customer', byExternal.body);
    expect(byExternal.body.external_id).toBe('user_000001');
    const byId = await get(`/v1/customers/${byExternal.body.id}`);
    expect(byId.body).toEqual(byExternal.body);
    // Polar normalises US states to ISO 3166-2.
    const everyone = await listAll();
    for (const item of everyone.filter((customer) => customer.billing_address?.country === 'US' && customer.billing_address.state !== null)) {
      expect(item.billing_address.state).toMatch(/^US-[A-Z]{2}$/);
    }
  });

  it('answers 404 with ResourceNotFound, and 422 for ids that are not UUID4', async () => {
    for (const path of ['/v1/customers/external/nobody', '/v1/customers/3f1c2d4e-5b6a-4c7d-8e9f-0a1b2c3d4e5f', '/v1/customers/3f1c2d4e-5b6a-4c7d-8e9f-0a1b2c3d4e5f/state']) {
      const missing = await get(path);
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual({ error: 'ResourceNotFound', detail: 'Not found' });
      matchesSchema('ResourceNotFound', missing.body);
    }
    const malformed = await get('/v1/customers/not-a-uuid');
    expect(malformed.status).toBe(422);
    matchesSchema('HTTPValidationError', malformed.body);
    expect(malformed.body).toEqual({
      error: 'RequestValidationError',
      detail: [
        {
          type: 'uuid_parsing',
          loc: ['path', 'id'],
          msg: 'Input should be a valid UUID, invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `n` at 1',
          input: 'not-a-uuid',
          ctx: { error: 'invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `n` at 1' },
        },
      ],
    });
    const version1 = await get('/v1/customers/3f1c2d4e-5b6a-1c7d-8e9f-0a1b2c3d4e5f');
    expect(version1.body.detail[0]).toMatchObject({ type: 'uuid_version', msg: 'UUID version 4 expected', ctx: { expected_version: 4 } });
  });
});

describe('polar sandbox: create', () => {
  it('creates an individual customer (201), normalising its address, visible to get, list and external lookup', async () => {
    const created = await send('POST', '/v1/customers/', {
      email: 'new.person@example.com',
      name: '  New Person  ',
      external_id: 'ext-new-1',
      metadata: { plan: 'pro', seats: 3, vip: true },
      billing_address: { country: 'us', state: 'NY', line1: '1 Main St', city: 'New York', postal_code: '10001' },
      tax_id: '12-3456789',
      locale: 'en-US',
      unknown_field: 'ignored',
    });
    expect(created.status).toBe(201);
    matchesSchema('Customer', created.body);
    expect(created.body).toMatchObject({
      email: 'new.person@example.com',
      name: 'New Person',
      billing_name: 'New Person',
      external_id: 'ext-new-1',
      type: 'individual',
      email_verified: false,
      metadata: { plan: 'pro', seats: 3, vip: true },
      billing_address: { country: 'US', state: 'US-NY', line1: '1 Main St', line2: null, city: 'New York', postal_code: '10001' },
      tax_id: ['123456789', 'us_ein'],
      locale: 'en-US',
      deleted_at: null,
      modified_at: null,
    });
    expect(created.body.id).toMatch(uuid);
    expect((await get(`/v1/customers/${created.body.id}`)).body).toEqual(created.body);
    expect((await get('/v1/customers/external/ext-new-1')).body.id).toBe(created.body.id);
    expect((await get('/v1/customers/?email=new.person@example.com')).body.items[0].id).toBe(created.body.id);
    expect(sandbox.customerCounts().polar).toBe((await get('/v1/customers/')).body.pagination.total_count);
  });

  it('refuses duplicates of email (any case) and external ID with 422, both at once', async () => {
    const existing = (await get('/v1/customers/external/user_000002')).body;
    const duplicate = await send('POST', '/v1/customers/', { email: existing.email.toUpperCase(), external_id: 'user_000002' });
    expect(duplicate.status).toBe(422);
    matchesSchema('HTTPValidationError', duplicate.body);
    expect(duplicate.body).toEqual({
      error: 'PolarRequestValidationError',
      detail: [
        { type: 'value_error', loc: ['body', 'email'], msg: 'A customer with this email address already exists.', input: existing.email.toUpperCase() },
        { type: 'value_error', loc: ['body', 'external_id'], msg: 'A customer with this external ID already exists.', input: 'user_000002' },
      ],
    });
  });

  it('validates the body with errors located under the union tag', async () => {
    const missing = await send('POST', '/v1/customers/', { name: 'No Email' });
    expect(missing.status).toBe(422);
    expect(missing.body.detail).toEqual([{ type: 'missing', loc: ['body', 'individual', 'email'], msg: 'Field required', input: { name: 'No Email' } }]);
    const wrong = await send('POST', '/v1/customers/', { email: 'not-an-email', name: 5, metadata: { k: { nested: true } }, billing_address: { country: 'XX' } });
    expect(wrong.body.detail.map((issue: Loose) => [issue.type, issue.loc])).toEqual([
      ['value_error', ['body', 'individual', 'email']],
      ['string_type', ['body', 'individual', 'name']],
      ['enum', ['body', 'individual', 'billing_address', 'country']],
      ['string_type', ['body', 'individual', 'metadata', 'k', 'constrained-str']],
      ['int_type', ['body', 'individual', 'metadata', 'k', 'int']],
      ['float_type', ['body', 'individual', 'metadata', 'k', 'float']],
      ['bool_type', ['body', 'individual', 'metadata', 'k', 'bool']],
    ]);
    const tag = await send('POST', '/v1/customers/', { type: 'company', email: 'a@example.com' });
    expect(tag.body.detail[0]).toMatchObject({ type: 'union_tag_invalid', loc: ['body'] });
    const team = await send('POST', '/v1/customers/', { type: 'team', name: 'Team Without Email' });
    expect(team.body.detail).toEqual([
      {
        type: 'value_error',
        loc: ['body', 'team'],
        msg: 'Value error, An owner with an email address is required when creating a team customer without an email.',
        input: { type: 'team', name: 'Team Without Email' },
        ctx: { error: {} },
      },
    ]);
    const state = await send('POST', '/v1/customers/', { email: 'state@example.com', billing_address: { country: 'US', state: 'ZZ' } });
    expect(state.body.detail[0]).toMatchObject({ type: 'value_error', loc: ['body', 'individual', 'billing_address'], msg: 'Value error, Invalid US state' });
    const malformed = await send('POST', '/v1/customers/', '{"email": ');
    expect(malformed.body.detail[0]).toMatchObject({ type: 'json_invalid', msg: 'JSON decode error' });
    const empty = await send('POST', '/v1/customers/', '');
    expect(empty.body.detail).toEqual([{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }]);
    const taxWithoutCountry = await send('POST', '/v1/customers/', { email: 'tax@example.com', tax_id: '123456789' });
    expect(taxWithoutCountry.body).toEqual({
      error: 'PolarRequestValidationError',
      detail: [{ type: 'missing', loc: ['body', 'billing_address'], msg: 'Country is required to validate tax ID.', input: null }],
    });
    expect(sandbox.customerCounts().polar).toBe((await get('/v1/customers/')).body.pagination.total_count);
  });

  it('creates a team customer with an owner instead of an email', async () => {
    const team = await send('POST', '/v1/customers/', { type: 'team', name: 'Acme Rockets', owner: { email: 'owner@acme.example.com' } });
    expect(team.status).toBe(201);
    matchesSchema('Customer', team.body);
    expect(team.body).toMatchObject({ type: 'team', email: null, name: 'Acme Rockets' });
  });

  it('refuses organization_id from an organization token, requires it from a personal token', async () => {
    const organizationId = (await get('/v1/customers/?limit=1')).body.items[0].organization_id;
    const fromOrganizationToken = await send('POST', '/v1/customers/', { email: 'org@example.com', organization_id: organizationId });
    expect(fromOrganizationToken.body).toEqual({
      error: 'RequestValidationError',
      detail: [{ type: 'organization_token', loc: ['organization_id'], msg: 'Setting organization_id is disallowed when using an organization token.', input: organizationId }],
    });
    const personal = { authorization: 'Bearer polar_pat_someone' };
    expect((await send('POST', '/v1/customers/', { email: 'pat@example.com' }, personal)).body.detail[0]).toMatchObject({ type: 'missing', loc: ['organization_id'] });
    const created = await send('POST', '/v1/customers/', { email: 'pat@example.com', organization_id: organizationId }, personal);
    expect(created.status).toBe(201);
    expect(created.body.organization_id).toBe(organizationId);
  });
});

describe('polar sandbox: update', () => {
  it('patches by id: replaces metadata, resets email verification, keeps the rest', async () => {
    const before = (await get('/v1/customers/external/user_000003')).body;
    const updated = await send('PATCH', `/v1/customers/${before.id}`, { metadata: { tier: 'gold' }, email: 'Changed.Address@example.com', name: 'Renamed' });
    expect(updated.status).toBe(200);
    matchesSchema('Customer', updated.body);
    expect(updated.body).toMatchObject({ metadata: { tier: 'gold' }, email: 'Changed.Address@example.com', email_verified: false, name: 'Renamed' });
    expect(updated.body.billing_address).toEqual(before.billing_address);
    expect(Date.parse(updated.body.modified_at)).toBeGreaterThan(Date.parse(before.created_at));
    expect((await get(`/v1/customers/${before.id}`)).body).toEqual(updated.body);
    expect((await get('/v1/customers/?email=changed.address@example.com')).body.items[0].id).toBe(before.id);
    expect((await get(`/v1/customers/?email=${encodeURIComponent(before.email)}`)).body.items).toEqual([]);
  });

  it('lets external_id be set once, then refuses any change', async () => {
    const created = (await send('POST', '/v1/customers/', { email: 'later@example.com' })).body;
    const set = await send('PATCH', `/v1/customers/${created.id}`, { external_id: 'ext-later' });
    expect(set.body.external_id).toBe('ext-later');
    const same = await send('PATCH', `/v1/customers/${created.id}`, { external_id: 'ext-later', name: 'Same' });
    expect(same.status).toBe(200);
    const change = await send('PATCH', `/v1/customers/${created.id}`, { external_id: 'ext-other' });
    expect(change.body).toEqual({
      error: 'PolarRequestValidationError',
      detail: [{ type: 'value_error', loc: ['body', 'external_id'], msg: 'Customer external ID cannot be updated.', input: 'ext-other' }],
    });
    const taken = (await send('POST', '/v1/customers/', { email: 'second@example.com' })).body;
    const duplicate = await send('PATCH', `/v1/customers/${taken.id}`, { external_id: 'ext-later' });
    expect(duplicate.body.detail[0].msg).toBe('A customer with this external ID already exists.');
  });

  it('refuses a null billing address, a taken email and a team-to-individual downgrade', async () => {
    const team = (await send('POST', '/v1/customers/', { type: 'team', email: 'team@example.com' })).body;
    const other = (await get('/v1/customers/external/user_000002')).body;
    const refused = await send('PATCH', `/v1/customers/${team.id}`, { billing_address: null, email: other.email, type: 'individual' });
    expect(refused.status).toBe(422);
    expect(refused.body.detail.map((issue: Loose) => issue.msg)).toEqual([
      'A customer with this email address already exists.',
      'Customer billing address cannot be reset to null once set.',
      "Customer type cannot be downgraded from 'team' to 'individual'.",
    ]);
    expect((await get(`/v1/customers/${team.id}`)).body.email).toBe('team@example.com');
  });

  it('patches by external id, where external_id and type are not fields at all', async () => {
    const patched = await send('PATCH', '/v1/customers/external/user_000004', { name: 'Via External', external_id: 'ignored', type: 'team' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Via External', external_id: 'user_000004' });
    expect((await send('PATCH', '/v1/customers/external/nobody', { name: 'x' })).status).toBe(404);
    const invalid = await send('PATCH', '/v1/customers/not-a-uuid', { name: 5 });
    expect(invalid.body.detail.map((issue: Loose) => issue.loc)).toEqual([['path', 'id'], ['body', 'name']]);
  });
});

describe('polar sandbox: delete', () => {
  it('deletes by id (204): the customer leaves every read, and its external ID is free again', async () => {
    const customer = (await get('/v1/customers/external/user_000002')).body;
    const total = sandbox.customerCounts().polar as number;
    const deleted = await call(`${base}/v1/customers/${customer.id}`, { method: 'DELETE', headers: auth });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    for (const path of [`/v1/customers/${customer.id}`, `/v1/customers/${customer.id}/state`, '/v1/customers/external/user_000002', '/v1/customers/external/user_000002/state']) {
      expect((await get(path)).status).toBe(404);
    }
    expect((await get(`/v1/customers/?email=${encodeURIComponent(customer.email)}`)).body.items).toEqual([]);
    expect(sandbox.customerCounts().polar).toBe(total - 1);
    expect((await call(`${base}/v1/customers/${customer.id}`, { method: 'DELETE', headers: auth })).status).toBe(404);
    const again = await send('POST', '/v1/customers/', { email: customer.email, external_id: 'user_000002' });
    expect(again.status).toBe(201);
  });

  it('deletes by external id with anonymize: the external ID stays taken', async () => {
    const deleted = await call(`${base}/v1/customers/external/user_000003?anonymize=true`, { method: 'DELETE', headers: auth });
    expect(deleted.status).toBe(204);
    expect((await get('/v1/customers/external/user_000003')).status).toBe(404);
    const reuse = await send('POST', '/v1/customers/', { email: 'fresh@example.com', external_id: 'user_000003' });
    expect(reuse.body.detail[0]).toMatchObject({ loc: ['body', 'external_id'], msg: 'A customer with this external ID already exists.' });
    const badFlag = await call(`${base}/v1/customers/external/user_000004?anonymize=perhaps`, { method: 'DELETE', headers: auth });
    expect(badFlag.body.detail[0]).toMatchObject({ type: 'bool_parsing', loc: ['query', 'anonymize'] });
    expect((await get('/v1/customers/external/user_000004')).status).toBe(200);
  });
});

describe('polar sandbox: state', () => {
  it('is consistent for every customer: live subscriptions only, grants and meters that follow from them', async () => {
    const everyone = await listAll();
    let subscribed = 0;
    let credited = 0;
    const benefitTypes = new Set<string>();
    for (const customer of everyone) {
      const state = await get(`/v1/customers/${customer.id}/state`);
      expect(state.status).toBe(200);
      matchesSchema('CustomerState', state.body);
      const { active_subscriptions: subscriptions, granted_benefits: grants, active_meters: meters, ...fields } = state.body;
      expect(fields).toEqual(customer);
      for (const subscription of subscriptions) {
        expect(['active', 'trialing']).toContain(subscription.status);
        expect(Date.parse(subscription.current_period_start)).toBeLessThanOrEqual(Date.parse('2026-11-01T00:00:00Z'));
        expect(Date.parse(subscription.current_period_end)).toBeGreaterThan(Date.parse('2026-11-01T00:00:00Z'));
        if (subscription.status === 'trialing') expect(subscription.trial_end).toBe(subscription.current_period_end);
        if (subscription.cancel_at_period_end) expect(subscription.ends_at).toBe(subscription.current_period_end);
      }
      if (subscriptions.length === 0) {
        expect(grants).toEqual([]);
        expect(meters).toEqual([]);
        continue;
      }
      subscribed++;
      for (const grant of grants) benefitTypes.add(grant.benefit_type);
      const creditGrants = grants.filter((grant: Loose) => grant.benefit_type === 'meter_credit');
      expect(meters).toHaveLength(creditGrants.length);
      for (const grant of creditGrants) {
        const meter = meters.find((candidate: Loose) => candidate.meter_id === grant.properties.last_credited_meter_id);
        expect(meter.credited_units).toBe(grant.properties.last_credited_units);
        expect(meter.balance).toBeCloseTo(meter.credited_units - meter.consumed_units, 6);
        credited++;
      }
    }
    expect(subscribed).toBeGreaterThan(everyone.length / 3);
    expect(credited).toBeGreaterThan(0);
    expect([...benefitTypes].sort()).toEqual(['custom', 'downloadables', 'feature_flag', 'license_keys', 'meter_credit']);
  });

  it('is the same by id and by external id, and empty for a new customer', async () => {
    const byExternal = await get('/v1/customers/external/user_000001/state');
    expect(byExternal.body.active_subscriptions.length).toBeGreaterThan(0);
    expect((await get(`/v1/customers/${byExternal.body.id}/state`)).body).toEqual(byExternal.body);
    const created = (await send('POST', '/v1/customers/', { email: 'empty.state@example.com' })).body;
    const state = (await get(`/v1/customers/${created.id}/state`)).body;
    expect(state).toMatchObject({ id: created.id, active_subscriptions: [], granted_benefits: [], active_meters: [] });
  });
});

describe('polar sandbox: export and determinism', () => {
  it('exports every customer as CSV with Polar columns and file name', async () => {
    const response = await fetch(`${base}/v1/customers/export`, { headers: auth });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename=polar-customers.csv');
    const lines = (await response.text()).split('\r\n').filter((line) => line !== '');
    expect(lines[0]).toBe(
      'ID,External ID,Created At,Email,Name,Tax ID,Billing Address Line 1,Billing Address Line 2,Billing Address City,Billing Address State,Billing Address Zip,Billing Address Country,Metadata',
    );
    expect(lines).toHaveLength((sandbox.customerCounts().polar as number) + 1);
    const customer = (await get('/v1/customers/external/user_000001')).body;
    const row = lines.find((line) => line.startsWith(customer.id)) as string;
    expect(row.startsWith(`${customer.id},user_000001,`)).toBe(true);
    expect(row).toContain(customer.email);
    expect((await get('/v1/customers/export?organization_id=zzz')).status).toBe(422);
  });

  it('seeds the same first page for the same seed, another for another seed', async () => {
    await withSeedTwins('polar', {}, async ({ sameSeed, otherSeed }) => {
      const page = (await get('/v1/customers/?limit=20')).body;
      const twinPage = (await call(`${sameSeed}/v1/customers/?limit=20`, { headers: auth })).body;
      const otherPage = (await call(`${otherSeed}/v1/customers/?limit=20`, { headers: auth })).body;
      expect(twinPage).toEqual(page);
      expect(otherPage.items.map((item: Loose) => item.id)).not.toEqual(page.items.map((item: Loose) => item.id));
    });
  });
});
