import { describe, expect, it } from 'vitest';
import type { CustomerChanges } from '../../src/providers/spec/provider';
import { parseSyncteraError } from '../../src/providers/synctera/synctera-errors';
import { mapSyncteraStatus } from '../../src/providers/synctera/synctera-map';
import { call, type Loose } from '../support/http';
import { adapterUnderTest } from '../support/provider-setup';
import { rejection } from '../support/rejection';
import { walkCustomers, walkPages } from '../support/walk';
import { capabilityReport } from '../../src/routing/capabilities';

const { sandbox, provider, baseUrl, withKey } = await adapterUnderTest('synctera', { apiKey: 'test-key' });

/** The sandbox's own answer, read without the adapter. */
async function raw(path: string): Promise<Loose> {
  return (await call(`${baseUrl}${path}`, { headers: { authorization: 'Bearer test-key' } })).body;
}

function rawAll(): Promise<Loose[]> {
  return walkPages<Loose, string>(async (token) => {
    const page = await raw(`/customers?limit=100${token === null ? '' : `&page_token=${token}`}`);
    return { items: page.customers, next: page.next_page_token ?? null };
  });
}

const calls = () => sandbox.requests().map((entry) => `${entry.method} ${entry.path.replace('/synctera/v0', '')}${entry.query === '' ? '' : `?${entry.query}`}`);
const uniqueEmail = () => `someone.${Math.random().toString(36).slice(2)}@bank.example`;

describe('reads', () => {
  it('maps a customer per DESIGN §3 and keeps the payload in raw', async () => {
    const payload = (await raw('/customers?status=ACTIVE&limit=20')).customers.find((item: Loose) => item.metadata.segment !== undefined && item.legal_address);
    const customer = await provider.customers.get(payload.id);
    const { external_id: externalId, ...metadata } = payload.metadata;
    expect(customer).toEqual({
      provider: 'synctera',
      providerId: payload.id,
      externalId,
      email: payload.email,
      name: `${payload.first_name} ${payload.last_name}`,
      status: 'ACTIVE',
      providerStatus: 'ACTIVE',
      createdAt: new Date(payload.creation_time),
      updatedAt: new Date(payload.last_updated_time),
      currency: null,
      timezone: null,
      metadata,
      billingAddress: {
        line1: payload.legal_address.address_line_1,
        line2: payload.legal_address.address_line_2 ?? null,
        city: payload.legal_address.city ?? null,
        state: payload.legal_address.state ?? null,
        postalCode: payload.legal_address.postal_code ?? null,
        country: payload.legal_address.country_code,
      },
      raw: payload,
      embeddedState: { verification: payload.kyc_status },
    });
  });

  it('maps every status by the table, with an explicit fallback for words it does not know', async () => {
    const table = { ACTIVE: 'ACTIVE', PROSPECT: 'PENDING', FROZEN: 'BLOCKED', SANCTION: 'BLOCKED', DENIED: 'BLOCKED', INACTIVE: 'INACTIVE', DORMANT: 'INACTIVE', DECEASED: 'INACTIVE', ESCHEAT: 'INACTIVE' };
    for (const [word, status] of Object.entries(table)) expect(mapSyncteraStatus(word), word).toBe(status);
    expect(mapSyncteraStatus('CLOSED_SOMEDAY')).toBe('INACTIVE');
    expect(mapSyncteraStatus(undefined)).toBe('INACTIVE');
    const page = await provider.customers.list({ limit: 100, cursor: null, filter: {} });
    for (const customer of page.customers) expect(customer.status).toBe(table[customer.providerStatus as keyof typeof table]);
  });

  it('returns null for an unknown id and for a malformed one', async () => {
    expect(await provider.customers.get('7d943c51-e4ff-4e57-9558-08cab6b963c7')).toBeNull();
    expect(await provider.customers.get('not-a-uuid')).toBeNull();
    expect(await provider.customers.get('../customers')).toBeNull();
  });

  it('fetches a batch in one call, ids comma-joined, dropping ids that cannot exist', async () => {
    const wanted = ((await raw('/customers?limit=5')).customers as Loose[]).map((item) => item.id as string);
    const unknown = '7d943c51-e4ff-4e57-9558-08cab6b963c7';
    sandbox.clearRequests();
    const customers = await provider.customers.batch?.get([...wanted, unknown, 'not-a-uuid', wanted[0] as string]);
    expect(new Set(customers?.map((customer) => customer.providerId))).toEqual(new Set(wanted));
    expect(calls()).toEqual([`GET /customers?id=${[...wanted, unknown].join(',')}&limit=100`]);
  });

  it('splits more than 100 ids into calls of 100', async () => {
    const all = await rawAll();
    sandbox.clearRequests();
    const customers = await provider.customers.batch?.get(all.slice(0, 120).map((item) => item.id));
    expect(customers).toHaveLength(120);
    expect(sandbox.requests()).toHaveLength(2);
  });

  it('lists newest first and walks every customer once, clamping the page size to 100', async () => {
    const expected = new Set((await rawAll()).map((item) => item.id));
    sandbox.clearRequests();
    const all = await walkCustomers(provider, { limit: 30, afterPage: (page) => expect(page.totalCount).toBeNull() });
    const seen = all.map((customer) => customer.providerId);
    const times = all.map((customer) => customer.createdAt?.getTime() ?? 0);
    expect(seen).toHaveLength(expected.size);
    expect(new Set(seen)).toEqual(expected);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(sandbox.requests()[0]?.query).toBe('limit=30&sort_by=creation_time%3Adesc');

    sandbox.clearRequests();
    const big = await provider.customers.list({ limit: 1000, cursor: null, filter: {} });
    expect(big.customers).toHaveLength(100);
    expect(sandbox.requests()[0]?.query).toContain('limit=100&');
  });

  it('filters by exact email, and refuses filters Synctera cannot apply', async () => {
    const target = (await raw('/customers?limit=50')).customers[42];
    const page = await provider.customers.list({ limit: 10, cursor: null, filter: { email: target.email } });
    expect(page.customers.map((customer) => customer.providerId)).toEqual([target.id]);
    expect(page.nextCursor).toBeNull();
    for (const filter of [{ createdAfter: new Date('2025-01-01') }, { createdBefore: new Date() }, { search: 'ada' }]) {
      const error = await rejection(provider.customers.list({ limit: 10, cursor: null, filter }));
      expect(error.code).toBe('UNSUPPORTED');
      expect(error.message).toContain(Object.keys(filter)[0]);
    }
    expect((await rejection(provider.customers.list({ limit: 10, cursor: null, filter: { email: '*@example.com' } }))).code).toBe('VALIDATION');
  });
});

describe('writes', () => {
  it('creates a PROSPECT by default: name split at the first space, external id and address in place', async () => {
    const email = uniqueEmail();
    const customer = await provider.writes!.create!({
      name: 'Mary Ann Lee',
      email,
      externalId: 'user_900001',
      metadata: { plan: 'gold', dropped: null },
      billingAddress: { line1: '1 Market St', line2: null, city: 'San Francisco', state: 'CA', postalCode: '94105', country: 'US' },
    });
    expect(customer).toMatchObject({ provider: 'synctera', status: 'PENDING', providerStatus: 'PROSPECT', name: 'Mary Ann Lee', email, externalId: 'user_900001', metadata: { plan: 'gold' } });
    expect(customer?.billingAddress).toEqual({ line1: '1 Market St', line2: null, city: 'San Francisco', state: 'CA', postalCode: '94105', country: 'US' });
    expect(customer?.raw).toMatchObject({ first_name: 'Mary', last_name: 'Ann Lee', metadata: { plan: 'gold', external_id: 'user_900001' } });
    expect(customer?.embeddedState).toEqual({ verification: 'UNVERIFIED' });
    expect((await provider.customers.get(customer?.providerId as string))?.externalId).toBe('user_900001');
  });

  it('creates a full customer through providerFields', async () => {
    const customer = await provider.writes!.create!({
      name: 'Jane Doe',
      email: uniqueEmail(),
      providerFields: { status: 'ACTIVE', dob: '1990-04-12', ssn: '123-45-6789', phone_number: '+14155550100', middle_name: 'Q', note: 'kyc by phone' },
    });
    expect(customer).toMatchObject({ status: 'ACTIVE', providerStatus: 'ACTIVE', name: 'Jane Doe' });
    expect(customer?.raw).toMatchObject({ ssn: '6789', dob: '1990-04-12', middle_name: 'Q' });
  });

  it('refuses before sending what Synctera cannot store', async () => {
    const cases: [CustomerChanges, string][] = [
      [{ email: uniqueEmail() }, 'name'],
      [{ name: 'Cher' }, 'name'],
      [{ name: 'Jane Doe', currency: 'USD' }, 'currency'],
      [{ name: 'Jane Doe', timezone: 'UTC' }, 'timezone'],
      [{ name: 'Jane Doe', providerFields: { tenant: 'other' } }, 'providerFields.tenant'],
      // The kit's one rule for index-backed providers names the key, as the gateway and Omise do.
      [{ name: 'Jane Doe', metadata: { external_id: 'sneaky' } }, 'metadata.external_id'],
    ];
    for (const [changes, field] of cases) {
      const error = await rejection(provider.writes!.create!(changes) as Promise<unknown>);
      expect(error.code, field).toBe('VALIDATION');
      expect(error.field).toBe(field);
    }
    expect(sandbox.requests()).toEqual([]);
  });

  it('turns Synctera refusals into typed errors: missing fields, duplicates', async () => {
    const missing = await rejection(provider.writes!.create!({ name: 'Jane Doe', providerFields: { status: 'ACTIVE' } }) as Promise<unknown>);
    expect(missing).toMatchObject({ code: 'VALIDATION', status: 400, providerCode: 'BAD_REQUEST_BODY', field: 'providerFields.dob' });
    const taken = (await raw('/customers?limit=1')).customers[0].email;
    const duplicate = await rejection(provider.writes!.create!({ name: 'Jane Doe', email: taken }) as Promise<unknown>);
    expect(duplicate).toMatchObject({ code: 'CONFLICT', status: 409, providerCode: 'DUPLICATE_RESOURCE', retryable: false });
  });

  it('sends Idempotency-Key on create: a retry gets the first customer, another body a conflict', async () => {
    const changes = { name: 'Idem Potent', email: uniqueEmail() };
    const first = await provider.writes!.create!(changes, { idempotencyKey: 'key-1' });
    const second = await provider.writes!.create!(changes, { idempotencyKey: 'key-1' });
    expect(second?.providerId).toBe(first?.providerId);
    const reuse = await rejection(provider.writes!.create!({ name: 'Other Body' }, { idempotencyKey: 'key-1' }) as Promise<unknown>);
    expect(reuse).toMatchObject({ code: 'CONFLICT', status: 422, providerCode: 'IDEMPOTENCY_INVALID_REUSE' });
  });

  it('updates email and name with one PATCH', async () => {
    const id = (await raw('/customers?status=ACTIVE&limit=1')).customers[0].id;
    const email = uniqueEmail();
    sandbox.clearRequests();
    const updated = await provider.writes!.update!(id, { email, name: 'New Name-Here' }, { idempotencyKey: 'patch-1' });
    expect(updated).toMatchObject({ email, name: 'New Name-Here' });
    expect(calls()).toEqual([`PATCH /customers/${id}`]);
    expect(await provider.writes!.update!(id, { email, name: 'New Name-Here' }, { idempotencyKey: 'patch-1' })).toEqual(updated);
  });

  it('patches metadata as a merge and never loses the external id, reading the customer first only when needed', async () => {
    const payload = (await raw('/customers?limit=50')).customers.find((item: Loose) => item.metadata.external_id && item.metadata.segment);
    const current = await provider.customers.get(payload.id);
    sandbox.clearRequests();
    const merged = await provider.writes!.update!(payload.id, { metadata: { tier: 'gold', segment: null } }, { current: current as never });
    expect(calls()).toEqual([`PATCH /customers/${payload.id}`]);
    const { external_id: externalId, segment: _segment, ...others } = payload.metadata;
    expect(merged?.metadata).toEqual({ ...others, tier: 'gold' });
    expect(merged?.externalId).toBe(externalId);

    sandbox.clearRequests();
    const renamed = await provider.writes!.update!(payload.id, { externalId: 'user_renamed' });
    expect(calls()).toEqual([`GET /customers/${payload.id}`, `PATCH /customers/${payload.id}`]);
    expect(renamed?.externalId).toBe('user_renamed');
    expect(renamed?.metadata).toEqual({ ...others, tier: 'gold' });

    const cleared = await provider.writes!.update!(payload.id, { metadata: null });
    expect(cleared?.metadata).toEqual({});
    expect(cleared?.externalId).toBe('user_renamed');
  });

  it('changes the lifecycle through providerFields.status, the alternative to delete', async () => {
    const id = (await raw('/customers?status=ACTIVE&limit=1')).customers[0].id;
    expect((await provider.writes!.update!(id, { providerFields: { status: 'FROZEN' } }))?.status).toBe('BLOCKED');
    expect((await provider.writes!.update!(id, { providerFields: { status: 'INACTIVE' } }))?.status).toBe('INACTIVE');
    expect(provider.limits.alternatives.delete).toContain('INACTIVE');
  });

  it('refuses clears PATCH cannot express, unknown ids and external-id targets', async () => {
    const id = (await raw('/customers?limit=1')).customers[0].id;
    for (const changes of [{ email: null }, { name: null }, { billingAddress: null }]) {
      expect((await rejection(provider.writes!.update!(id, changes) as Promise<unknown>)).code).toBe('VALIDATION');
    }
    const unknown = '7d943c51-e4ff-4e57-9558-08cab6b963c7';
    expect((await rejection(provider.writes!.update!(unknown, { email: uniqueEmail() }) as Promise<unknown>)).code).toBe('NOT_FOUND');
    expect((await rejection(provider.writes!.update!(unknown, { externalId: 'x' }) as Promise<unknown>)).code).toBe('NOT_FOUND');
    // External-ID targets: there is no update by external ID (the gateway resolves it through its index first).
    expect(provider.writes?.updateByExternalId).toBeUndefined();
  });
});

describe('failures and capabilities', () => {
  it('reports a bad key as UNAUTHENTICATED', async () => {
    const locked = withKey('');
    expect(await rejection(locked.customers.list({ limit: 1, cursor: null, filter: {} }))).toMatchObject({ code: 'UNAUTHENTICATED', status: 401, providerCode: 'UNAUTHENTICATED' });
  });

  it('retries reads on 429 honouring Retry-After, and retries a 5xx write only with an idempotency key', async () => {
    sandbox.setFaults({ synctera: { rateLimitRate: 1, retryAfterSeconds: 0 } });
    expect(await rejection(provider.customers.get('7d943c51-e4ff-4e57-9558-08cab6b963c7'))).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryAfterMs: 0, retryable: true });
    expect(sandbox.requests()).toHaveLength(3);

    sandbox.clearRequests();
    sandbox.setFaults({ synctera: { errorRate: 1, errorStatus: 503 } });
    expect(await rejection(provider.writes!.create!({ name: 'Jane Doe' }) as Promise<unknown>)).toMatchObject({ code: 'UPSTREAM_ERROR', outcomeUnknown: true });
    expect(sandbox.requests()).toHaveLength(1);
    sandbox.clearRequests();
    await rejection(provider.writes!.create!({ name: 'Jane Doe' }, { idempotencyKey: 'retry-me' }) as Promise<unknown>);
    expect(sandbox.requests()).toHaveLength(3);
  });

  it('reads the problem report: message, code, field in gateway words, retry_after', () => {
    expect(parseSyncteraError(400, { type: 'https://dev.synctera.com/errors/bad-request-body', title: 'Bad Request Body', status: 400, detail: 'invalid fields: legal_address.country_code', invalid: { 'legal_address.country_code': 'bad' } })).toEqual({
      message: 'invalid fields: legal_address.country_code',
      providerCode: 'bad-request-body',
      field: 'billingAddress',
    });
    expect(parseSyncteraError(429, { type: 'https://dev.synctera.com/errors/too-many-requests', title: 'Too Many Requests', status: 429, code: 'TOO_MANY_REQUESTS', retry_after: 7 })).toMatchObject({ message: 'Too Many Requests', retryAfterMs: 7000 });
    expect(parseSyncteraError(502, '<html>bad gateway</html>').message).toContain('502');
  });

  it('declares what it does and offers no operation Synctera lacks', () => {
    expect(provider.name).toBe('synctera');
    expect(capabilityReport(provider)).toMatchObject({ batchSize: 100, maxPageSize: 100, externalIdLookup: 'index', listFilters: ['email'], totalCount: false, idempotency: true, operations: ['create', 'update'] });
    expect(Object.keys(provider.writes ?? {}).sort()).toEqual(['create', 'update']);
    expect(provider.customers.byExternalId).toEqual({ kind: 'index', metadataKey: 'external_id' });
    expect(provider.state).toBeUndefined();
    expect(provider.entitlements).toBeUndefined();
    expect(provider.nativeIdPattern).toBeUndefined();
  });
});
