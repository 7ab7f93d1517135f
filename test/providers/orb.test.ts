import { describe, expect, it } from 'vitest';
import type { Customer, CustomerFilter } from '../../src/providers/spec/provider';
import { call, type Loose } from '../support/http';
import { adapterUnderTest } from '../support/provider-setup';
import { rejection } from '../support/rejection';
import { walkCustomers, walkPages } from '../support/walk';
import { nativeLookup } from '../support/lookup';
import { capabilityReport } from '../../src/routing/capabilities';

const { sandbox, provider: orb, baseUrl, transport, withKey } = await adapterUnderTest('orb', { apiKey: 'orb_test_key' });

/** The raw payloads, read straight from the sandbox, to compare the adapter's mapping with. */
async function rawCustomers(): Promise<Loose[]> {
  return walkPages<Loose, string>(async (cursor) => {
    const page: Loose = (await call(`${baseUrl}/customers?limit=100${cursor === null ? '' : `&cursor=${cursor}`}`, { headers: { authorization: 'Bearer k' } })).body;
    return { items: page.data, next: page.pagination_metadata.next_cursor };
  });
}

/** Orb reports no total: every page says so. */
function walk(limit: number, filter: CustomerFilter = {}): Promise<Customer[]> {
  return walkCustomers(orb, { limit, filter, afterPage: (page) => expect(page.totalCount).toBeNull() });
}

describe('orb adapter: reads', () => {
  it('maps a customer: ids, fields, address, and balance and card as embedded state', async () => {
    const raw = (await rawCustomers()).find((customer) => customer.default_payment_method !== null && customer.billing_address !== null && customer.currency !== null);
    const customer = await orb.customers.get(raw.id);
    expect(customer).toEqual({
      provider: 'orb',
      providerId: raw.id,
      externalId: raw.external_customer_id,
      email: raw.email,
      name: raw.name,
      status: 'ACTIVE',
      providerStatus: null,
      createdAt: new Date(raw.created_at),
      updatedAt: null,
      currency: raw.currency,
      timezone: raw.timezone,
      metadata: raw.metadata,
      billingAddress: {
        line1: raw.billing_address.line1, line2: raw.billing_address.line2, city: raw.billing_address.city,
        state: raw.billing_address.state, postalCode: raw.billing_address.postal_code, country: raw.billing_address.country,
      },
      raw,
      embeddedState: {
        balance: { amount: raw.balance, currency: raw.currency },
        paymentMethods: [{ id: raw.default_payment_method.id, type: raw.default_payment_method.payment_method_type, brand: null, last4: null, expirationMonth: null, expirationYear: null, isDefault: true }],
      },
    });
  });

  it('returns null for unknown and empty ids, without calling Orb for an empty one', async () => {
    expect(await orb.customers.get('DBhwNcMNfYgeBpn')).toBeNull();
    expect(await nativeLookup(orb)('nobody')).toBeNull();
    sandbox.clearRequests();
    expect(await orb.customers.get('')).toBeNull();
    expect(sandbox.requests()).toEqual([]);
  });

  it('looks customers up by external id natively, encoding the id in the path', async () => {
    const created = await orb.writes!.create!({ email: 'slash@example.com', name: 'Slash Person', externalId: 'en/cus/?1500' });
    const found = await nativeLookup(orb)('en/cus/?1500');
    expect(found?.providerId).toBe(created?.providerId);
    expect(sandbox.requests().at(-1)?.path).toBe('/orb/v1/customers/external_customer_id/en%2Fcus%2F%3F1500');
  });

  it('turns a 401 into UNAUTHENTICATED and keeps the key out of the message', async () => {
    const anonymous = withKey('');
    const error = await rejection(anonymous.customers.get('abc'));
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', status: 401, providerCode: '401-authentication-error' });
  });
});

describe('orb adapter: list', () => {
  it('walks every customer once, newest first, ending with a null cursor', async () => {
    const all = await walk(45);
    const raw = await rawCustomers();
    expect(all.map((customer) => customer.providerId)).toEqual(raw.map((customer) => customer.id));
    const times = all.map((customer) => customer.createdAt?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((left, right) => right - left));
  });

  it('clamps the page size to 100 and encodes the query as orb-node does', async () => {
    sandbox.clearRequests();
    const page = await orb.customers.list({ limit: 1000, cursor: null, filter: { createdAfter: new Date('2020-01-01T00:00:00Z') } });
    expect(page.customers).toHaveLength(100);
    expect(sandbox.requests()[0]?.query).toBe('created_at%5Bgte%5D=2020-01-01T00%3A00%3A00.000Z&limit=100');
    const small = await orb.customers.list({ limit: 0, cursor: null, filter: {} });
    expect(small.customers).toHaveLength(1);
  });

  it('filters createdAfter inclusively and createdBefore exclusively', async () => {
    const raw = await rawCustomers();
    const after = new Date(raw[Math.floor(raw.length * 0.6)].created_at);
    const before = new Date(raw[Math.floor(raw.length * 0.2)].created_at);
    const window = await walk(30, { createdAfter: after, createdBefore: before });
    const expected = raw.filter((customer) => Date.parse(customer.created_at) >= after.getTime() && Date.parse(customer.created_at) < before.getTime());
    expect(window.map((customer) => customer.providerId)).toEqual(expected.map((customer) => customer.id));
    expect(window.length).toBeGreaterThan(10);
  });

  it('refuses filters Orb cannot apply, naming them, before any call', async () => {
    sandbox.clearRequests();
    for (const filter of [{ email: 'ada@example.com' }, { search: 'ada' }]) {
      const error = await rejection(orb.customers.list({ limit: 10, cursor: null, filter }));
      expect(error.code).toBe('UNSUPPORTED');
      expect(error.message).toContain(Object.keys(filter)[0]);
    }
    expect(sandbox.requests()).toEqual([]);
    expect((await orb.customers.list({ limit: 5, cursor: null, filter: { email: null, search: undefined } })).customers).toHaveLength(5);
  });
});

describe('orb adapter: create', () => {
  it('creates with every writable field mapped to Orb names', async () => {
    const customer = await orb.writes!.create!({
      email: 'grace@example.com', name: 'Grace Hopper', externalId: 'user_grace', metadata: { plan: 'growth' }, currency: 'USD', timezone: 'America/New_York',
      billingAddress: { line1: '1 Navy Way', line2: null, city: 'Arlington', state: 'VA', postalCode: '22202', country: 'US' },
      providerFields: { additional_emails: ['ap@example.com'], payment_provider: 'stripe_charge', payment_provider_id: 'cus_Grace' },
    });
    expect(customer).toMatchObject({
      provider: 'orb', externalId: 'user_grace', email: 'grace@example.com', name: 'Grace Hopper', status: 'ACTIVE', currency: 'USD', timezone: 'America/New_York',
      metadata: { plan: 'growth' }, billingAddress: { line1: '1 Navy Way', city: 'Arlington', postalCode: '22202', country: 'US', state: 'VA', line2: null },
      embeddedState: { balance: { amount: '0.00', currency: 'USD' }, paymentMethods: [] },
    });
    expect(customer?.raw).toMatchObject({ additional_emails: ['ap@example.com'], payment_provider: 'stripe_charge', auto_collection: true });
    expect((await nativeLookup(orb)('user_grace'))?.providerId).toBe(customer?.providerId);
  });

  it('sends the idempotency key on create, so a repeat replays the first customer', async () => {
    const count = sandbox.customerCounts().orb;
    const changes = { email: 'once@example.com', name: 'Only Once' };
    const first = await orb.writes!.create!(changes, { idempotencyKey: 'adapter-create-1' });
    const second = await orb.writes!.create!(changes, { idempotencyKey: 'adapter-create-1' });
    expect(second?.providerId).toBe(first?.providerId);
    expect(sandbox.customerCounts().orb).toBe((count ?? 0) + 1);
    const conflict = await rejection(orb.writes!.create!({ ...changes, name: 'Someone Else' }, { idempotencyKey: 'adapter-create-1' }));
    expect(conflict).toMatchObject({ code: 'CONFLICT', status: 409, providerCode: '409-resource-conflict' });
  });

  it('refuses a missing required field and unknown providerFields before calling Orb', async () => {
    sandbox.clearRequests();
    expect(await rejection(orb.writes!.create!({ email: 'x@example.com' }))).toMatchObject({ code: 'VALIDATION', field: 'name' });
    expect(await rejection(orb.writes!.create!({ email: 'x@example.com', name: 'X', providerFields: { colour: 'red' } }))).toMatchObject({ code: 'VALIDATION', field: 'providerFields.colour' });
    expect(sandbox.requests()).toEqual([]);
  });

  it('maps Orb duplicate and validation errors to typed errors with the field', async () => {
    const taken = (await rawCustomers()).find((customer) => customer.external_customer_id !== null);
    const duplicate = await rejection(orb.writes!.create!({ email: 'dup@example.com', name: 'Dup', externalId: taken.external_customer_id }));
    expect(duplicate).toMatchObject({ code: 'CONFLICT', status: 400, providerCode: '400-duplicate-resource-creation', retryable: false });
    const invalid = await rejection(orb.writes!.create!({ email: 'bad@example.com', name: 'Bad', currency: 'usd' }));
    expect(invalid).toMatchObject({ code: 'VALIDATION', status: 400, providerCode: '400-request-validation-errors', field: 'currency' });
  });
});

describe('orb adapter: update', () => {
  it('updates by id and by external id, sending the metadata patch for Orb to merge', async () => {
    const raw = (await rawCustomers()).find((customer) => customer.external_customer_id !== null && Object.keys(customer.metadata).length >= 2);
    const [kept, removed] = Object.keys(raw.metadata) as [string, string];
    const byId = await orb.writes!.update!(raw.id, { name: 'New Name', metadata: { [removed]: null, added: 'yes' } });
    expect(byId.name).toBe('New Name');
    expect(byId.metadata).toEqual({ ...Object.fromEntries(Object.entries(raw.metadata).filter(([key]) => key !== removed)), added: 'yes' });
    expect(byId.metadata[kept]).toBe(raw.metadata[kept]);
    const byExternal = await orb.writes!.updateByExternalId!(raw.external_customer_id, { email: 'moved@example.com', billingAddress: null });
    expect(byExternal).toMatchObject({ providerId: raw.id, email: 'moved@example.com', billingAddress: null, name: 'New Name' });
  });

  it('refuses timezone and clearing email or name without a call; Orb refuses a changed currency', async () => {
    const raw = (await rawCustomers()).find((customer) => customer.currency !== null);
    sandbox.clearRequests();
    expect(await rejection(orb.writes!.update!(raw.id, { timezone: 'UTC' }))).toMatchObject({ code: 'VALIDATION', field: 'timezone' });
    expect(await rejection(orb.writes!.update!(raw.id, { email: null }))).toMatchObject({ code: 'VALIDATION', field: 'email' });
    expect(sandbox.requests()).toEqual([]);
    const currency = await rejection(orb.writes!.update!(raw.id, { currency: raw.currency === 'USD' ? 'EUR' : 'USD' }));
    expect(currency).toMatchObject({ code: 'VALIDATION', providerCode: '400-constraint-violation' });
  });

  it('reports an unknown target as NOT_FOUND', async () => {
    expect(await rejection(orb.writes!.update!('nobody', { name: 'x' }))).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});

describe('orb adapter: delete and sync', () => {
  it('deletes by id; the customer then reads as DELETED from its tombstone', async () => {
    const [target] = (await orb.customers.list({ limit: 1, cursor: null, filter: {} })).customers;
    expect(await orb.writes!.delete!(target!.providerId)).toBeNull();
    expect(await orb.customers.get(target!.providerId)).toEqual({
      provider: 'orb', providerId: target!.providerId, externalId: null, email: null, name: null, status: 'DELETED', providerStatus: 'deleted',
      createdAt: null, updatedAt: null, currency: null, timezone: null, metadata: {}, billingAddress: null,
      raw: { id: target!.providerId, deleted: true }, embeddedState: null,
    });
    expect(await rejection(orb.writes!.delete!(target!.providerId))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('has no delete by external id, since Orb has no such route: the gateway looks the id up, then deletes by it', async () => {
    expect(orb.writes?.deleteByExternalId).toBeUndefined();
    const raw = (await rawCustomers()).find((customer) => customer.external_customer_id !== null);
    sandbox.clearRequests();
    const found = await nativeLookup(orb)(raw.external_customer_id);
    await orb.writes!.delete!(found!.providerId);
    expect(sandbox.requests().map((entry) => entry.method)).toEqual(['GET', 'DELETE']);
    expect((await nativeLookup(orb)(raw.external_customer_id))?.status).toBe('DELETED');
    expect(await rejection(orb.writes!.delete!(found!.providerId))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('syncs payment methods by id and by external id', async () => {
    const bare = (await rawCustomers()).filter((customer) => customer.payment_provider === 'stripe_charge' && customer.default_payment_method === null && customer.external_customer_id !== null);
    await orb.writes!.syncPaymentMethods!({ kind: 'id', id: bare[0].id }, { idempotencyKey: 'sync-1' });
    await orb.writes!.syncPaymentMethods!({ kind: 'externalId', externalId: bare[1].external_customer_id });
    for (const raw of bare.slice(0, 2)) {
      const methods = (await orb.customers.get(raw.id))?.embeddedState?.paymentMethods;
      expect(methods).toHaveLength(1);
      expect(methods?.[0]).toMatchObject({ type: expect.any(String), isDefault: true });
    }
  });
});

describe('orb adapter: failures', () => {
  it('retries a rate-limited read and surfaces RATE_LIMITED with the wait when it persists', async () => {
    sandbox.setFaults({ orb: { rateLimitRate: 1, retryAfterSeconds: 0 } });
    const error = await rejection(orb.customers.get('abc'));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryable: true, retryAfterMs: 0, providerCode: '429-too-many-requests' });
    expect(sandbox.requests()).toHaveLength(1 + transport.retry.retries);
  });

  it('does not retry a PUT, which carries no idempotency key', async () => {
    sandbox.setFaults({ orb: { errorRate: 1, errorStatus: 503 } });
    const error = await rejection(orb.writes!.update!('abc', { name: 'x' }));
    expect(error).toMatchObject({ code: 'UPSTREAM_ERROR', status: 503, outcomeUnknown: true });
    expect(sandbox.requests()).toHaveLength(1);
  });

  it('declares what Orb can do', () => {
    expect(capabilityReport(orb)).toMatchObject({ externalIdLookup: 'native', listFilters: ['createdAfter', 'createdBefore'], maxPageSize: 100, idempotency: true, state: false });
    expect(orb.writes?.archive).toBeUndefined();
    expect(orb.nativeIdPattern).toBeUndefined();
  });
});
