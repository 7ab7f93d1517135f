import { describe, expect, it } from 'vitest';
import type { Customer, CustomerChanges, CustomerTarget, DeleteOptions, WriteOptions } from '../../src/providers/spec/provider';
import { call, type Loose } from '../support/http';
import { adapterUnderTest } from '../support/provider-setup';
import { rejection } from '../support/rejection';
import { walkCustomers } from '../support/walk';
import { nativeLookup } from '../support/lookup';

const { sandbox, provider: polar, baseUrl, transport, withKey } = await adapterUnderTest('polar', { apiKey: 'polar_oat_test' });
const auth = { authorization: 'Bearer polar_oat_test' };

/** The raw payload, straight from the sandbox, to compare the adapter's mapping with. */
async function rawGet(path: string): Promise<Loose> {
  return (await call(`${baseUrl}${path}`, { headers: auth })).body;
}

function upstream(): { method: string; path: string; query: string; status: number }[] {
  return sandbox.requests().map(({ method, path, query, status }) => ({ method, path, query, status }));
}

describe('polar adapter: reads', () => {
  it('has the writes, the state call and the lookups Polar has, and no others', () => {
    expect(polar.name).toBe('polar');
    expect(Object.keys(polar.writes ?? {}).sort()).toEqual(['create', 'delete', 'deleteByExternalId', 'findCreated', 'update', 'updateByExternalId']);
    expect(polar.state).toBeDefined();
    expect(polar.entitlements).toBeUndefined();
    expect(polar.customers.batch).toBeUndefined();
    expect(polar.customers.byExternalId.kind).toBe('native');
  });

  it('maps a customer: ids, fields, address, status, untouched raw', async () => {
    const raw = await rawGet('/v1/customers/external/user_000001');
    const customer = (await polar.customers.get(raw.id)) as Customer;
    expect(customer).toMatchObject({
      provider: 'polar',
      providerId: raw.id,
      externalId: 'user_000001',
      email: raw.email,
      name: raw.name,
      status: 'ACTIVE',
      createdAt: new Date(raw.created_at),
      currency: null,
      timezone: null,
      metadata: raw.metadata,
      billingAddress: {
        line1: raw.billing_address.line1,
        line2: raw.billing_address.line2,
        city: raw.billing_address.city,
        state: raw.billing_address.state,
        postalCode: raw.billing_address.postal_code,
        country: raw.billing_address.country,
      },
    });
    expect(customer.raw).toEqual(raw);
    expect(await nativeLookup(polar)('user_000001')).toEqual(customer);
  });

  it('returns null for unknown ids, malformed ids and unknown external ids', async () => {
    expect(await polar.customers.get('3f1c2d4e-5b6a-4c7d-8e9f-0a1b2c3d4e5f')).toBeNull();
    expect(await polar.customers.get('not-a-uuid')).toBeNull();
    expect(await nativeLookup(polar)('nobody/with slash')).toBeNull();
    expect(await polar.customers.get('')).toBeNull();
  });

  it('lists newest first, walking every customer once, with the total count', async () => {
    let totalCount: number | null = null;
    const all = await walkCustomers(polar, { limit: 40, afterPage: (page) => (totalCount = page.totalCount) });
    const seen = new Set(all.map((customer) => customer.providerId));
    expect(seen.size).toBe(all.length);
    const times = all.map((customer) => (customer.createdAt as Date).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(seen.size).toBe(sandbox.customerCounts().polar);
    expect(totalCount).toBe(seen.size);
    // The SDK's encoding: form parameters in alphabetical order, sorting spelled out.
    expect(upstream()[0]).toEqual({ method: 'GET', path: '/polar/v1/customers/', query: 'limit=40&page=1&sorting=-created_at', status: 200 });
  });

  it('clamps the page size to 100 and applies email and search filters', async () => {
    expect((await polar.customers.list({ limit: 1000, cursor: null, filter: {} })).customers).toHaveLength(100);
    const target = (await rawGet('/v1/customers/external/user_000004')) as Loose;
    const byEmail = await polar.customers.list({ limit: 10, cursor: null, filter: { email: target.email } });
    expect(byEmail.customers.map((customer) => customer.providerId)).toEqual([target.id]);
    expect(byEmail.nextCursor).toBeNull();
    const bySearch = await polar.customers.list({ limit: 100, cursor: null, filter: { search: 'USER_000004' } });
    expect(bySearch.customers.map((customer) => customer.providerId)).toEqual([target.id]);
    sandbox.clearRequests();
    await polar.customers.list({ limit: 5, cursor: '2', filter: { email: 'a b@example.com', search: 'x y' } });
    expect(upstream()[0]?.query).toBe('email=a%20b%40example.com&limit=5&page=2&query=x%20y&sorting=-created_at');
  });

  it('refuses created-at filters as UNSUPPORTED, naming the filter, without calling Polar', async () => {
    for (const filter of [{ createdAfter: new Date() }, { createdBefore: new Date() }]) {
      const error = await rejection(polar.customers.list({ limit: 10, cursor: null, filter }));
      expect(error.code).toBe('UNSUPPORTED');
      expect(error.message).toContain(Object.keys(filter)[0]);
    }
    expect(upstream()).toEqual([]);
  });
});

describe('polar adapter: state and entitlements', () => {
  it('maps subscriptions, meters and granted benefits from one state call, and the customer with them', async () => {
    const id = (await rawGet('/v1/customers/external/user_000001')).id;
    const raw = await rawGet(`/v1/customers/${id}/state`);
    sandbox.clearRequests();
    const { state, customer } = await polar.state!.get(id);
    expect(upstream()).toHaveLength(1);
    expect(customer).toEqual(await polar.customers.get(id));

    expect(state.subscriptions.map((subscription) => [subscription.id, subscription.status, subscription.productId, subscription.amount])).toEqual(
      raw.active_subscriptions.map((subscription: Loose) => [subscription.id, subscription.status, subscription.product_id, subscription.amount]),
    );
    expect(state.meters).toHaveLength(raw.active_meters.length);
    for (const meter of state.meters) {
      expect(meter.balance).toBeCloseTo(meter.creditedUnits - meter.consumedUnits, 6);
      expect(meter.name).not.toBeNull();
    }
    expect(state.entitlements).toHaveLength(raw.granted_benefits.length);
    for (const [index, grant] of (raw.granted_benefits as Loose[]).entries()) {
      const entitlement = state.entitlements[index];
      expect(entitlement?.featureId).toBe(grant.benefit_metadata.feature_id);
      expect(entitlement?.name).toBe(grant.benefit_metadata.name);
      expect(entitlement?.source).toBe('polar');
      if (grant.benefit_type === 'meter_credit') {
        const meter = raw.active_meters.find((candidate: Loose) => candidate.meter_id === grant.properties.last_credited_meter_id);
        expect(entitlement).toMatchObject({ kind: 'CREDIT', usageLimit: meter.credited_units, currentUsage: meter.consumed_units, hasAccess: meter.balance > 0 });
      } else {
        expect(entitlement).toMatchObject({ kind: 'BOOLEAN', hasAccess: true, usageLimit: null });
      }
    }
    expect(state.entitlements.map((entitlement) => entitlement.kind)).toContain('CREDIT');
  });

  it('falls back to the benefit id when a benefit has no feature_id', async () => {
    const everyone = (await rawGet('/v1/customers/?limit=100&active=true')).items as Loose[];
    for (const item of everyone) {
      const raw = await rawGet(`/v1/customers/${item.id}/state`);
      const bare = (raw.granted_benefits as Loose[]).find((grant) => grant.benefit_metadata.feature_id === undefined);
      if (bare === undefined) continue;
      const { state } = await polar.state!.get(item.id);
      expect(state.entitlements.find((entitlement) => entitlement.featureId === bare.benefit_id)).toMatchObject({ name: null, kind: 'BOOLEAN', hasAccess: true });
      return;
    }
    throw new Error('no seeded customer holds a benefit without feature_id');
  });

  it('gives an empty state to a customer without subscriptions, and NOT_FOUND for an unknown one', async () => {
    const created = await polar.writes!.create!({ email: 'stateless@example.com' });
    const { state } = await polar.state!.get(created.providerId);
    expect(state).toMatchObject({ subscriptions: [], entitlements: [], meters: [], balance: null, paymentMethods: [] });
    const error = await rejection(polar.state!.get('3f1c2d4e-5b6a-4c7d-8e9f-0a1b2c3d4e5f'));
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404, providerCode: 'ResourceNotFound', message: 'Not found' });
  });
});

describe('polar adapter: writes', () => {
  const create = (changes: CustomerChanges, options?: WriteOptions) => polar.writes!.create!(changes, options);
  const update = (target: CustomerTarget, changes: CustomerChanges, options?: WriteOptions) =>
    target.kind === 'id' ? polar.writes!.update!(target.id, changes, options) : polar.writes!.updateByExternalId!(target.externalId, changes, options);
  const remove = (target: CustomerTarget, options?: DeleteOptions) =>
    target.kind === 'id' ? polar.writes!.delete!(target.id, options) : polar.writes!.deleteByExternalId!(target.externalId, options);

  it('creates with mapped fields and provider fields, metadata nulls dropped', async () => {
    const customer = await create({
      email: 'created@example.com',
      name: 'Created Person',
      externalId: 'ext-created',
      metadata: { plan: 'pro', drop: null },
      billingAddress: { line1: '1 Rue', line2: null, city: 'Paris', state: null, postalCode: '75001', country: 'FR' },
      providerFields: { locale: 'fr', tax_id: 'FR12345678901' },
    });
    expect(customer).toMatchObject({
      provider: 'polar',
      externalId: 'ext-created',
      email: 'created@example.com',
      name: 'Created Person',
      status: 'ACTIVE',
      metadata: { plan: 'pro' },
      billingAddress: { city: 'Paris', postalCode: '75001', country: 'FR', line2: null },
    });
    expect(customer.raw).toMatchObject({ locale: 'fr', tax_id: ['FR12345678901', 'eu_vat'] });
    expect(await nativeLookup(polar)('ext-created')).toEqual(customer);
  });

  it('turns duplicates into CONFLICT and refuses what Polar cannot store before calling it', async () => {
    const existing = await rawGet('/v1/customers/external/user_000002');
    const duplicate = await rejection(create({ email: existing.email }));
    expect(duplicate).toMatchObject({ code: 'CONFLICT', status: 422, field: 'email', providerCode: 'PolarRequestValidationError', retryable: false });
    expect(duplicate.message).toContain('A customer with this email address already exists.');
    sandbox.clearRequests();
    expect(await rejection(create({ name: 'No Email' }))).toMatchObject({ code: 'VALIDATION', field: 'email' });
    expect(await rejection(create({ email: 'c@example.com', currency: 'USD' }))).toMatchObject({ code: 'VALIDATION', field: 'currency' });
    expect(await rejection(create({ email: 'c@example.com', providerFields: { email_verified: true } }))).toMatchObject({ code: 'VALIDATION', field: 'providerFields.email_verified' });
    expect(await rejection(update({ kind: 'id', id: existing.id }, { billingAddress: null }))).toMatchObject({ code: 'VALIDATION', field: 'billingAddress' });
    expect(upstream()).toEqual([]);
  });

  it('maps Polar field errors back to gateway field names', async () => {
    const error = await rejection(create({ email: 'not-an-email' }));
    expect(error).toMatchObject({ code: 'VALIDATION', status: 422, field: 'email', providerCode: 'RequestValidationError' });
    const team = await create({ providerFields: { type: 'team', owner: { email: 'owner@team.example.com' } }, name: 'A Team' });
    expect(team).toMatchObject({ email: null, name: 'A Team' });
  });

  it('merges a metadata patch into the current map, reading it first only when not given', async () => {
    const raw = await rawGet('/v1/customers/external/user_000003');
    const target = { kind: 'id' as const, id: raw.id };
    await update(target, { metadata: { tier: 'gold' } });
    sandbox.clearRequests();
    const updated = await update(target, { metadata: { tier: null, region: 'eu' }, name: 'Renamed' });
    expect(updated.metadata).toEqual({ ...raw.metadata, region: 'eu' });
    expect(updated.name).toBe('Renamed');
    expect(upstream().map((entry) => entry.method)).toEqual(['GET', 'PATCH']);
    sandbox.clearRequests();
    const withCurrent = await update(target, { metadata: { extra: 1 } }, { current: updated });
    expect(withCurrent.metadata).toEqual({ ...raw.metadata, region: 'eu', extra: 1 });
    expect(upstream().map((entry) => entry.method)).toEqual(['PATCH']);
    expect((await update(target, { metadata: null })).metadata).toEqual({});
  });

  it('updates by external ID, and lets an external ID be set once only', async () => {
    const byExternal = await update({ kind: 'externalId', externalId: 'user_000004' }, { name: 'By External' });
    expect(byExternal).toMatchObject({ externalId: 'user_000004', name: 'By External' });
    expect(await rejection(update({ kind: 'externalId', externalId: 'user_000004' }, { externalId: 'other' }))).toMatchObject({ code: 'VALIDATION', field: 'externalId' });
    const fresh = await create({ email: 'no.external@example.com' });
    const set = await update({ kind: 'id', id: fresh.providerId }, { externalId: 'ext-once' });
    expect(set.externalId).toBe('ext-once');
    const change = await rejection(update({ kind: 'id', id: fresh.providerId }, { externalId: 'ext-twice' }));
    expect(change).toMatchObject({ code: 'VALIDATION', status: 422, field: 'externalId', message: 'body.external_id: Customer external ID cannot be updated.' });
    expect(await rejection(update({ kind: 'externalId', externalId: 'nobody' }, { name: 'x' }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('deletes by id and by external id (with anonymize), after which the customer is gone', async () => {
    const first = await rawGet('/v1/customers/external/user_000002');
    expect(await remove({ kind: 'id', id: first.id })).toBeNull();
    expect(await polar.customers.get(first.id)).toBeNull();
    sandbox.clearRequests();
    expect(await remove({ kind: 'externalId', externalId: 'user_000005' }, { anonymize: true })).toBeNull();
    expect(upstream()[0]).toMatchObject({ method: 'DELETE', path: '/polar/v1/customers/external/user_000005', query: 'anonymize=true', status: 204 });
    expect(await nativeLookup(polar)('user_000005')).toBeNull();
    expect(await rejection(remove({ kind: 'id', id: first.id }))).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});

describe('polar adapter: failures', () => {
  it('reports a refused credential as UNAUTHENTICATED with Polar words', async () => {
    const anonymous = withKey('');
    expect(await rejection(anonymous.customers.get('3f1c2d4e-5b6a-4c7d-8e9f-0a1b2c3d4e5f'))).toMatchObject({
      code: 'UNAUTHENTICATED',
      status: 401,
      providerCode: 'Unauthorized',
      message: 'Unauthorized',
    });
  });

  it('retries reads on 429 honouring retry-after, never writes (Polar has no idempotency keys)', async () => {
    sandbox.setFaults({ polar: { rateLimitRate: 1, retryAfterSeconds: 0 } });
    const read = await rejection(polar.customers.list({ limit: 10, cursor: null, filter: {} }));
    expect(read).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryable: true, retryAfterMs: 0 });
    expect(sandbox.requests()).toHaveLength(1 + transport.retry.retries);
    sandbox.clearRequests();
    sandbox.setFaults({ polar: { errorRate: 1, errorStatus: 503 } });
    const write = await rejection(polar.writes!.create!({ email: 'retry@example.com' }));
    expect(write).toMatchObject({ code: 'UPSTREAM_ERROR', status: 503, outcomeUnknown: true });
    expect(sandbox.requests()).toHaveLength(1);
  });
});
