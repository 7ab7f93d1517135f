import { describe, expect, it } from 'vitest';
import type { Customer, CustomerFilter } from '../../src/providers/spec/provider';
import { call, type Loose } from '../support/http';
import { adapterUnderTest } from '../support/provider-setup';
import { rejection } from '../support/rejection';
import { walkCustomers, walkPages } from '../support/walk';

const { sandbox, provider, baseUrl, withKey } = await adapterUnderTest('omise', { apiKey: 'skey_test_adapter' });
const omise = provider;
const AUTH = `Basic ${Buffer.from('skey_test_raw:').toString('base64')}`;

/** Raw payloads, read straight from the sandbox, to compare the adapter's mapping with. Oldest first. */
async function rawCustomers(): Promise<Loose[]> {
  let seen = 0;
  return walkPages<Loose, number>(async (offset) => {
    const page = (await call(`${baseUrl}/customers?limit=100&offset=${offset ?? 0}`, { headers: { authorization: AUTH } })).body;
    seen += page.data.length;
    return { items: page.data, next: seen >= page.total ? null : seen };
  });
}

async function rawCustomer(id: string): Promise<Loose> {
  return (await call(`${baseUrl}/customers/${id}`, { headers: { authorization: AUTH } })).body;
}

function walk(limit: number, filter: CustomerFilter = {}, between?: () => Promise<void>): Promise<Customer[]> {
  return walkCustomers(omise, { limit, filter, afterPage: between });
}

function providerIds(customers: Customer[]): string[] {
  return customers.map((customer) => customer.providerId);
}

function omiseCalls(): string[] {
  return sandbox.requests().map((entry) => `${entry.method} ${entry.path.replace(/cust_test_[0-9a-z]+/, ':id')}`);
}

describe('omise adapter: reads', () => {
  it('maps a customer: description as name, metadata.external_id as externalId, cards as payment methods', async () => {
    const raw = (await rawCustomers()).find((customer) => customer.cards.total >= 2 && customer.metadata.external_id !== undefined && customer.description !== null);
    const customer = await omise.customers.get(raw.id);
    expect(customer).not.toBeNull();
    const { external_id: externalId, ...rest } = raw.metadata;
    expect(customer).toMatchObject({
      provider: 'omise', providerId: raw.id, externalId, email: raw.email, name: raw.description, status: 'ACTIVE', providerStatus: null,
      currency: null, timezone: null, billingAddress: null, updatedAt: null, metadata: rest,
    });
    expect(customer?.createdAt?.toISOString().replace('.000Z', 'Z')).toBe(raw.created_at);
    // The nested card list's `to` is the time of the request: the rest of the payload is kept as it came.
    expect(customer?.raw).toEqual({ ...raw, cards: { ...raw.cards, to: expect.any(String) } });
    const methods = customer?.embeddedState?.paymentMethods ?? [];
    expect(methods.map((method) => method.id)).toEqual(raw.cards.data.map((card: Loose) => card.id));
    expect(methods.filter((method) => method.isDefault).map((method) => method.id)).toEqual([raw.default_card]);
    expect(methods[0]).toMatchObject({ type: 'card', brand: raw.cards.data[0].brand, last4: raw.cards.data[0].last_digits, expirationYear: raw.cards.data[0].expiration_year });
    expect(omise.nativeIdPattern?.test(raw.id)).toBe(true);
  });

  it('answers null for an unknown, malformed or empty id', async () => {
    expect(await omise.customers.get('cust_test_0000000000000000000')).toBeNull();
    expect(await omise.customers.get('not an id/..')).toBeNull();
    expect(await omise.customers.get('')).toBeNull();
  });

  it('lists newest first, walks every customer once and reports the total', async () => {
    const raw = await rawCustomers();
    const first = await omise.customers.list({ limit: 10, cursor: null, filter: {} });
    expect(first.totalCount).toBe(raw.length);
    const all = await walk(45);
    expect(all.length).toBe(raw.length);
    expect(new Set(providerIds(all)).size).toBe(raw.length);
    const times = all.map((customer) => customer.createdAt?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('clamps the page size to 100', async () => {
    const page = await omise.customers.list({ limit: 1000, cursor: null, filter: {} });
    expect(page.customers).toHaveLength(100);
    expect(sandbox.requests().at(-1)?.query).toContain('limit=100');
  });

  it('filters by createdAfter (inclusive) and createdBefore (exclusive) through from and to', async () => {
    const raw = await rawCustomers();
    const low = new Date(raw[30].created_at);
    const high = new Date(raw[90].created_at);
    const windowed = await walk(25, { createdAfter: low, createdBefore: high });
    const expected = raw.filter((customer) => Date.parse(customer.created_at) >= low.getTime() && Date.parse(customer.created_at) < high.getTime());
    expect(new Set(providerIds(windowed))).toEqual(new Set(expected.map((customer) => customer.id)));
    expect(windowed.length).toBe(expected.length);
  });

  it('searches through the Search API, alone and within a date window, walking its pages', async () => {
    const raw = await rawCustomers();
    const matches = (customer: Loose) => [customer.email, customer.description, ...Object.values(customer.metadata).map(String)]
      .some((text) => typeof text === 'string' && text.toLowerCase().includes('example.org'));
    const found = await walk(9, { search: 'EXAMPLE.ORG' });
    expect(new Set(providerIds(found))).toEqual(new Set(raw.filter(matches).map((customer) => customer.id)));
    expect(found.length).toBe(raw.filter(matches).length);
    const after = new Date(raw[Math.floor(raw.length / 2)].created_at);
    const recent = await walk(9, { search: 'example.org', createdAfter: after });
    expect(new Set(providerIds(recent))).toEqual(new Set(raw.filter((customer) => matches(customer) && Date.parse(customer.created_at) >= after.getTime()).map((customer) => customer.id)));
    expect(sandbox.requests().at(-1)?.path).toBe('/omise/search');
  });

  it('refuses a filter it cannot apply, naming it, without calling Omise', async () => {
    const error = await rejection(omise.customers.list({ limit: 10, cursor: null, filter: { email: 'ada@example.com' } }));
    expect(error.code).toBe('UNSUPPORTED');
    expect(error.field).toBe('email');
    expect(error.message).toContain('email');
    expect(sandbox.requests()).toEqual([]);
  });

  it('keeps a walk exact while customers are created during it', async () => {
    const before = (await rawCustomers()).length;
    let created = 0;
    const all = await walk(30, {}, async () => {
      if (created++ < 3) await omise.writes!.create!({ email: `during${created}@example.com` });
    });
    expect(all.length).toBe(before);
    expect(new Set(providerIds(all)).size).toBe(before);
  });

  it('rejects a cursor that is not its own', async () => {
    const error = await rejection(omise.customers.list({ limit: 10, cursor: 'offset=ten', filter: {} }));
    expect(error.code).toBe('VALIDATION');
  });
});

describe('omise adapter: writes', () => {
  it('creates: name as description, externalId in metadata beside the other keys, a token as the default card', async () => {
    const customer = await omise.writes!.create!({
      email: 'kanya.s@example.com', name: 'Kanya Srisuk', externalId: 'user_800001', metadata: { plan: 'growth', dropped: null },
      providerFields: { card: 'tokn_test_adapter0000000001' },
    });
    expect(customer).toMatchObject({ provider: 'omise', email: 'kanya.s@example.com', name: 'Kanya Srisuk', externalId: 'user_800001', metadata: { plan: 'growth' }, status: 'ACTIVE' });
    const raw = await rawCustomer(customer.providerId);
    expect(raw).toMatchObject({ description: 'Kanya Srisuk', metadata: { external_id: 'user_800001', plan: 'growth' } });
    expect(customer.embeddedState?.paymentMethods).toEqual([expect.objectContaining({ id: raw.default_card, isDefault: true, type: 'card' })]);
  });

  it('refuses fields Omise cannot store and unknown provider fields, naming the field, before any call', async () => {
    for (const [changes, field] of [
      [{ currency: 'THB' }, 'currency'],
      [{ timezone: 'Asia/Bangkok' }, 'timezone'],
      [{ billingAddress: { line1: null, line2: null, city: 'Bangkok', state: null, postalCode: null, country: 'TH' } }, 'billingAddress'],
      [{ providerFields: { default_card: 'card_test_x' } }, 'providerFields.default_card'],
      [{ metadata: { external_id: 'sneaky' } }, 'metadata.external_id'],
    ] as const) {
      const error = await rejection(omise.writes!.create!(changes));
      expect(error.code).toBe('VALIDATION');
      expect(error.field).toBe(field);
    }
    expect(sandbox.requests()).toEqual([]);
  });

  it('turns Omise validation errors into VALIDATION with the field in gateway words', async () => {
    const email = await rejection(omise.writes!.create!({ email: 'not-an-email' }));
    expect(email).toMatchObject({ code: 'VALIDATION', status: 400, providerCode: 'bad_request', field: 'email', message: 'email is invalid' });
    await omise.writes!.create!({ providerFields: { card: 'tokn_test_adapter0000000002' } });
    const used = await rejection(omise.writes!.create!({ providerFields: { card: 'tokn_test_adapter0000000002' } }));
    expect(used).toMatchObject({ code: 'VALIDATION', status: 422, providerCode: 'used_token', field: 'providerFields.card' });
    const missing = await rejection(omise.writes!.create!({ providerFields: { card: 'card_test_notatoken' } }));
    expect(missing).toMatchObject({ code: 'VALIDATION', status: 404, providerCode: 'not_found', field: 'providerFields.card' });
  });

  it('updates metadata as a patch from options.current, keeping external_id, in one PATCH', async () => {
    const created = await omise.writes!.create!({ name: 'Somchai P', externalId: 'user_800002', metadata: { plan: 'starter', channel: 'web', tier: 'gold' } });
    sandbox.clearRequests();
    const updated = await omise.writes!.update!(created.providerId, { name: 'Somchai Prasert', metadata: { plan: 'growth', channel: null } }, { current: created });
    expect(updated).toMatchObject({ name: 'Somchai Prasert', externalId: 'user_800002', metadata: { plan: 'growth', tier: 'gold' } });
    expect(updated.metadata).not.toHaveProperty('channel');
    expect(omiseCalls()).toEqual(['PATCH /omise/customers/:id']);
    expect((await rawCustomer(created.providerId)).metadata).toEqual({ external_id: 'user_800002', plan: 'growth', tier: 'gold' });
  });

  it('reads the customer first when no current customer is given, and never loses external_id', async () => {
    const raw = (await rawCustomers()).find((customer) => customer.metadata.external_id !== undefined && Object.keys(customer.metadata).length > 1);
    const { external_id: externalId, ...others } = raw.metadata;
    const firstKey = Object.keys(others)[0] as string;
    sandbox.clearRequests();
    const updated = await omise.writes!.update!(raw.id, { metadata: { note: 'vip' } });
    expect(omiseCalls()).toEqual(['GET /omise/customers/:id', 'PATCH /omise/customers/:id']);
    expect(updated.externalId).toBe(externalId);
    expect(updated.metadata).toEqual({ ...others, note: 'vip' });
    expect(updated.metadata[firstKey]).toEqual(others[firstKey]);
    sandbox.clearRequests();
    await omise.writes!.update!(raw.id, { email: 'only.email@example.com' });
    expect(omiseCalls()).toEqual(['PATCH /omise/customers/:id']);
    expect((await rawCustomer(raw.id)).metadata.external_id).toBe(externalId);
  });

  it('changes or removes the external id, and clears metadata with null but keeps external_id', async () => {
    const created = await omise.writes!.create!({ externalId: 'user_800003', metadata: { plan: 'starter' } });
    const moved = await omise.writes!.update!(created.providerId, { externalId: 'user_800004' }, { current: created });
    expect(moved).toMatchObject({ externalId: 'user_800004', metadata: { plan: 'starter' } });
    const cleared = await omise.writes!.update!(created.providerId, { metadata: null }, { current: moved });
    expect(cleared).toMatchObject({ externalId: 'user_800004', metadata: {} });
    const removed = await omise.writes!.update!(created.providerId, { externalId: null }, { current: cleared });
    expect(removed.externalId).toBeNull();
    expect((await rawCustomer(created.providerId)).metadata).toEqual({});
  });

  it('updates by id only: it has no update by external ID (the gateway refuses it as unsupported), an unknown id NOT_FOUND', async () => {
    expect(omise.writes?.updateByExternalId).toBeUndefined();
    const missing = await rejection(omise.writes!.update!('cust_test_0000000000000000000', { name: 'X' }));
    expect(missing).toMatchObject({ code: 'NOT_FOUND', status: 404, providerCode: 'not_found' });
    const missingRead = await rejection(omise.writes!.update!('cust_test_0000000000000000000', { metadata: { a: 1 } }));
    expect(missingRead.code).toBe('NOT_FOUND');
  });

  it('deletes: returns the DELETED tombstone; a later read is DELETED with its data; a second delete is NOT_FOUND', async () => {
    const created = await omise.writes!.create!({ email: 'leaving@example.com', externalId: 'user_800005', providerFields: { card: 'tokn_test_adapter0000000003' } });
    const deleted = await omise.writes!.delete!(created.providerId);
    expect(deleted).toMatchObject({ providerId: created.providerId, status: 'DELETED', providerStatus: 'deleted', createdAt: null, embeddedState: null });
    const read = await omise.customers.get(created.providerId);
    expect(read).toMatchObject({ status: 'DELETED', email: 'leaving@example.com', externalId: 'user_800005', createdAt: created.createdAt });
    expect(read?.embeddedState?.paymentMethods).toEqual([]);
    expect((await rejection(omise.writes!.delete!(created.providerId))).code).toBe('NOT_FOUND');
    // No delete by external ID: the gateway resolves it through its index first.
    expect(omise.writes?.deleteByExternalId).toBeUndefined();
  });
});

describe('omise adapter: failures', () => {
  it('maps a refused key to UNAUTHENTICATED with the Omise code', async () => {
    const anonymous = withKey('');
    const error = await rejection(anonymous.customers.list({ limit: 5, cursor: null, filter: {} }));
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', status: 401, providerCode: 'authentication_failure', message: 'authentication failed' });
  });

  it('retries reads on 429 and gives up RATE_LIMITED; never retries a write', async () => {
    sandbox.setFaults({ omise: { rateLimitRate: 1, retryAfterSeconds: 0 } });
    const limited = await rejection(omise.customers.get('cust_test_0000000000000000000'));
    expect(limited).toMatchObject({ code: 'RATE_LIMITED', status: 429, providerCode: 'too_many_requests', retryable: true });
    expect(sandbox.requests()).toHaveLength(3);
    sandbox.clearRequests();
    sandbox.setFaults({ omise: { errorRate: 1, errorStatus: 503 } });
    const failed = await rejection(omise.writes!.create!({ email: 'once@example.com' }));
    expect(failed).toMatchObject({ code: 'UPSTREAM_ERROR', status: 503, providerCode: 'service_unavailable', outcomeUnknown: true });
    expect(sandbox.requests()).toHaveLength(1);
  });
});
