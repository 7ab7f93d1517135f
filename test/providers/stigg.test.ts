import { describe, expect, it } from 'vitest';
import type { Customer, CustomerFilter } from '../../src/providers/spec/provider';
import { parseStiggError } from '../../src/providers/stigg/stigg-errors';
import { call } from '../support/http';
import { adapterUnderTest } from '../support/provider-setup';
import { rejection } from '../support/rejection';
import { walkCustomers } from '../support/walk';
import { capabilityReport } from '../../src/routing/capabilities';

const { sandbox, provider: stigg, baseUrl, withKey } = await adapterUnderTest('stigg', { apiKey: 'server-test-key' });

const raw = async (path: string) => (await call(`${baseUrl}${path}`, { headers: { 'X-API-KEY': 'k' } })).body;

/** Stigg reports no total: every page says so. */
function listAll(filter: CustomerFilter = {}, limit = 100): Promise<Customer[]> {
  return walkCustomers(stigg, { limit, filter, afterPage: (page) => expect(page.totalCount).toBeNull() });
}

describe('stigg adapter: reads', () => {
  it('maps a customer, keeping the payload untouched in raw', async () => {
    const payload = (await raw('/api/v1/customers/user_000001')).data;
    const customer = await stigg.customers.get('user_000001');
    expect(customer).toMatchObject({
      provider: 'stigg',
      providerId: 'user_000001',
      externalId: 'user_000001',
      email: payload.email,
      name: payload.name,
      status: payload.archivedAt === null ? 'ACTIVE' : 'ARCHIVED',
      providerStatus: null,
      currency: payload.billingCurrency === null ? null : payload.billingCurrency.toUpperCase(),
      timezone: payload.timezone,
      metadata: payload.metadata,
      billingAddress: null,
      embeddedState: null,
    });
    expect(customer!.createdAt!.toISOString()).toBe(payload.createdAt);
    expect(customer!.updatedAt!.toISOString()).toBe(payload.updatedAt);
    expect(customer!.raw).toEqual(payload);
    // The customer id is the external id: a lookup by external id is a read by id.
    expect(stigg.customers.byExternalId.kind).toBe('customer-id');
  });

  it('returns null for unknown and empty ids, and encodes ids as one path segment', async () => {
    expect(await stigg.customers.get('nobody')).toBeNull();
    expect(await stigg.customers.get('')).toBeNull();
    expect(await stigg.customers.get('user_000001/archive')).toBeNull();
  });

  it('lists newest first, walks every customer once, and clamps the page size to 100', async () => {
    sandbox.clearRequests();
    const first = await stigg.customers.list({ limit: 500, cursor: null, filter: {} });
    expect(first.customers).toHaveLength(100);
    expect(sandbox.requests()[0]?.query).toBe('limit=100');
    const all = await listAll({}, 33);
    expect(all.length).toBe(sandbox.customerCounts().stigg);
    expect(new Set(all.map((customer) => customer.providerId)).size).toBe(all.length);
    const times = all.map((customer) => customer.createdAt!.getTime());
    expect(times).toEqual([...times].sort((left, right) => right - left));
    expect(all.some((customer) => customer.status === 'ARCHIVED')).toBe(true);
  });

  it('filters by email and by creation time in [after, before), encoded as the SDK encodes them', async () => {
    const all = await listAll();
    const sample = all.find((customer) => customer.email !== null)!;
    const byEmail = await listAll({ email: sample.email });
    expect(byEmail.map((customer) => customer.providerId)).toEqual(all.filter((customer) => customer.email === sample.email).map((customer) => customer.providerId));
    const after = all[70]!.createdAt!;
    const before = all[20]!.createdAt!;
    sandbox.clearRequests();
    const window = await listAll({ createdAfter: after, createdBefore: before });
    expect(window.map((customer) => customer.providerId)).toEqual(all.slice(21, 71).map((customer) => customer.providerId));
    expect(sandbox.requests()[0]?.query).toBe(`createdAt%5Bgte%5D=${encodeURIComponent(after.toISOString())}&createdAt%5Blt%5D=${encodeURIComponent(before.toISOString())}&limit=100`);
  });

  it('refuses a filter Stigg cannot apply, naming it, without calling Stigg', async () => {
    sandbox.clearRequests();
    const error = await rejection(stigg.customers.list({ limit: 10, cursor: null, filter: { search: 'ada' } }));
    expect(error.code).toBe('UNSUPPORTED');
    expect(error.message).toContain('search');
    expect(sandbox.requests()).toEqual([]);
  });
});

describe('stigg adapter: writes', () => {
  it('creates with the external id as the customer id and maps the unified fields', async () => {
    const customer = await stigg.writes!.create!({
      externalId: 'ext-42',
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      currency: 'EUR',
      timezone: 'Europe/London',
      metadata: { plan: 'gold', dropped: null },
      providerFields: { language: 'en' },
    });
    expect(customer).toMatchObject({ providerId: 'ext-42', externalId: 'ext-42', email: 'ada@example.com', name: 'Ada Lovelace', currency: 'EUR', timezone: 'Europe/London', metadata: { plan: 'gold' }, status: 'ACTIVE' });
    expect(customer.raw).toMatchObject({ billingCurrency: 'eur', language: 'en' });
    expect((await raw('/api/v1/customers/ext-42')).data.metadata).toEqual({ plan: 'gold' });
  });

  it('generates a customer-<uuid> id when no external id is given', async () => {
    const customer = await stigg.writes!.create!({ name: 'Anonymous' });
    expect(customer.providerId).toMatch(/^customer-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(customer.externalId).toBe(customer.providerId);
  });

  it('refuses fields Stigg cannot store before calling it', async () => {
    sandbox.clearRequests();
    const address = await rejection(stigg.writes!.create!({ externalId: 'x1', billingAddress: { line1: '1 Main St', line2: null, city: null, state: null, postalCode: null, country: 'US' } }));
    expect([address.code, address.field]).toEqual(['VALIDATION', 'billingAddress']);
    const provider = await rejection(stigg.writes!.create!({ externalId: 'x1', providerFields: { salesforceId: 'abc' } }));
    expect([provider.code, provider.field]).toEqual(['VALIDATION', 'providerFields.salesforceId']);
    const metadata = await rejection(stigg.writes!.create!({ externalId: 'x1', metadata: { count: 3 } }));
    expect([metadata.code, metadata.field]).toEqual(['VALIDATION', 'metadata']);
    const rename = await rejection(stigg.writes!.update!('user_000001', { externalId: 'someone-else' }));
    expect([rename.code, rename.field]).toEqual(['VALIDATION', 'externalId']);
    expect(sandbox.requests()).toEqual([]);
  });

  it("turns Stigg's refusals into typed errors: duplicate is a conflict, a bad value names the field", async () => {
    const duplicate = await rejection(stigg.writes!.create!({ externalId: 'user_000001' }));
    expect(duplicate).toMatchObject({ code: 'CONFLICT', status: 409, providerCode: 'ALREADY_EXISTS', retryable: false });
    const badEmail = await rejection(stigg.writes!.create!({ externalId: 'bad-email', email: 'not-an-email' }));
    expect(badEmail).toMatchObject({ code: 'VALIDATION', status: 400, providerCode: 'INVALID_ARGUMENT', field: 'email' });
    const badCurrency = await rejection(stigg.writes!.create!({ externalId: 'bad-currency', currency: 'XYZW' }));
    expect(badCurrency).toMatchObject({ code: 'VALIDATION', field: 'currency' });
  });

  it('creates once per idempotency key, replaying the first answer', async () => {
    const count = sandbox.customerCounts().stigg as number;
    // Without an external id the generated id comes from the key, so the repeat is the same request.
    const first = await stigg.writes!.create!({ name: 'Retry me' }, { idempotencyKey: 'create-1' });
    expect(await stigg.writes!.create!({ name: 'Retry me' }, { idempotencyKey: 'create-1' })).toEqual(first);
    expect(first.providerId).toMatch(/^customer-[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const explicit = await stigg.writes!.create!({ externalId: 'idem-ext' }, { idempotencyKey: 'create-2' });
    expect(await stigg.writes!.create!({ externalId: 'idem-ext' }, { idempotencyKey: 'create-2' })).toEqual(explicit);
    expect(sandbox.customerCounts().stigg).toBe(count + 2);
    const conflict = await rejection(stigg.writes!.create!({ externalId: 'idem-other' }, { idempotencyKey: 'create-2' }));
    expect(conflict).toMatchObject({ code: 'CONFLICT', status: 409, providerCode: 'ABORTED' });
  });

  it('applies the metadata patch on top of the current map (Stigg replaces it), reading the customer only when needed', async () => {
    await stigg.writes!.create!({ externalId: 'meta-1', metadata: { a: '1', b: '2' } });
    sandbox.clearRequests();
    const updated = await stigg.writes!.updateByExternalId!('meta-1', { metadata: { b: null, c: '3' }, name: 'Meta' });
    expect(updated.metadata).toEqual({ a: '1', c: '3' });
    expect(updated.name).toBe('Meta');
    expect(sandbox.requests().map((entry) => entry.method)).toEqual(['GET', 'PATCH']);

    sandbox.clearRequests();
    const again = await stigg.writes!.update!('meta-1', { metadata: { d: '4' } }, { current: updated });
    expect(again.metadata).toEqual({ a: '1', c: '3', d: '4' });
    expect(sandbox.requests().map((entry) => entry.method)).toEqual(['PATCH']);

    const cleared = await stigg.writes!.update!('meta-1', { metadata: null, email: null });
    expect(cleared.metadata).toEqual({});
    expect(cleared.email).toBeNull();
  });

  it('writes currency and timezone on update, and fails with NOT_FOUND for unknown customers', async () => {
    const updated = await stigg.writes!.update!('user_000001', { currency: 'JPY', timezone: 'Asia/Tokyo' });
    expect(updated).toMatchObject({ currency: 'JPY', timezone: 'Asia/Tokyo' });
    expect(updated.raw.billingCurrency).toBe('jpy');
    expect(await rejection(stigg.writes!.update!('ghost', { name: 'x' }))).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(await rejection(stigg.writes!.update!('ghost', { metadata: { a: '1' } }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('archives and unarchives, and has no delete or payment-method sync', async () => {
    expect((await stigg.writes!.archive!('user_000002', { idempotencyKey: 'arch-1' })).status).toBe('ARCHIVED');
    expect((await stigg.customers.get('user_000002'))!.status).toBe('ARCHIVED');
    expect((await stigg.writes!.unarchive!('user_000002')).status).toBe('ACTIVE');
    expect(await rejection(stigg.writes!.archive!('ghost'))).toMatchObject({ code: 'NOT_FOUND' });
    expect(stigg.writes?.delete).toBeUndefined();
    expect(stigg.writes?.syncPaymentMethods).toBeUndefined();
    expect(capabilityReport(stigg).operations).not.toContain('delete');
    expect(stigg.limits.alternatives.delete).toBe('archiveCustomer');
  });
});

describe('stigg adapter: entitlements', () => {
  async function customerWith(predicate: (ids: Map<string, { hasAccess: boolean; usageLimit: number | null; currentUsage: number | null; unlimited: boolean }>) => boolean) {
    for (const customer of await listAll()) {
      const { entitlements } = await stigg.entitlements!.get(customer.providerId);
      const byId = new Map(entitlements.map((entitlement) => [entitlement.featureId, entitlement]));
      if (predicate(byId)) return { id: customer.providerId, byId };
    }
    throw new Error('no such customer in the seed');
  }

  it('maps every entitlement kind, with limits, usage and reset dates', async () => {
    const payload = (await raw('/api/v1/customers/user_000001/entitlements')).data;
    const { entitlements, accessDeniedReason } = await stigg.entitlements!.get('user_000001');
    expect(accessDeniedReason).toBe(payload.accessDeniedReason);
    expect(entitlements).toHaveLength(payload.entitlements.length);
    for (const [index, item] of payload.entitlements.entries()) {
      const entitlement = entitlements[index]!;
      expect(entitlement.source).toBe('stigg');
      expect(entitlement.hasAccess).toBe(item.isGranted);
      if (item.type === 'CREDIT') {
        expect(entitlement).toMatchObject({ featureId: item.currency.currencyId, name: item.currency.displayName, kind: 'CREDIT', usageLimit: item.usageLimit, currentUsage: item.currentUsage, unlimited: false });
      } else {
        const kind = { BOOLEAN: 'BOOLEAN', NUMBER: 'NUMERIC', ENUM: 'ENUM' }[item.feature.featureType as string];
        expect(entitlement).toMatchObject({ featureId: item.feature.id, name: item.feature.displayName, kind, resetPeriod: item.resetPeriod ?? null, unlimited: item.hasUnlimitedUsage ?? false });
        expect(entitlement.usageLimit).toBe(item.usageLimit ?? null);
        expect(entitlement.resetsAt?.toISOString() ?? null).toBe(item.usagePeriodEnd ?? null);
      }
    }
    expect(new Set(entitlements.map((entitlement) => entitlement.kind))).toEqual(new Set(['BOOLEAN', 'NUMERIC', 'ENUM', 'CREDIT']));
  });

  it('reports why a customer has no entitlements', async () => {
    expect(await stigg.entitlements!.get('ghost')).toEqual({ entitlements: [], accessDeniedReason: 'CustomerNotFound' });
    await stigg.writes!.create!({ externalId: 'no-plan' });
    expect(await stigg.entitlements!.get('no-plan')).toEqual({ entitlements: [], accessDeniedReason: 'NoActiveSubscription' });
  });

  it('checks numeric usage against the limit through Stigg', async () => {
    const { id, byId } = await customerWith((map) => {
      const seats = map.get('feature-seats');
      return seats !== undefined && !seats.unlimited && seats.usageLimit! - seats.currentUsage! >= 1;
    });
    const seats = byId.get('feature-seats')!;
    const room = seats.usageLimit! - seats.currentUsage!;
    sandbox.clearRequests();
    const granted = await stigg.entitlements!.check!(id, { featureId: 'feature-seats', requestedUsage: room });
    expect(granted).toMatchObject({ featureId: 'feature-seats', hasAccess: true, denialReason: null, requestedUsage: room, usageLimit: seats.usageLimit, currentUsage: seats.currentUsage, source: 'stigg' });
    expect(granted.entitlement).toMatchObject({ featureId: 'feature-seats', kind: 'NUMERIC' });
    expect(sandbox.requests()[0]?.query).toBe(`featureId=feature-seats&requestedUsage=${room}`);
    const denied = await stigg.entitlements!.check!(id, { featureId: 'feature-seats', requestedUsage: room + 1 });
    expect(denied).toMatchObject({ hasAccess: false, denialReason: 'RequestedUsageExceedingLimit' });
  });

  it('checks enum values comma-joined, and credits by currency id', async () => {
    sandbox.clearRequests();
    const regions = await stigg.entitlements!.check!('user_000002', { featureId: 'feature-regions', requestedValues: ['us-east', 'sa-east'] });
    expect(sandbox.requests()[0]?.query).toBe('featureId=feature-regions&requestedValues=us-east%2Csa-east');
    // user_000002 is on the free plan, which allows only us-east.
    expect(regions).toMatchObject({ hasAccess: false, denialReason: 'RequestedValuesMismatch' });

    const { id, byId } = await customerWith((map) => {
      const credits = map.get('ai-credits');
      return credits !== undefined && credits.usageLimit! - credits.currentUsage! > 0;
    });
    const credits = byId.get('ai-credits')!;
    const balance = credits.usageLimit! - credits.currentUsage!;
    const enough = await stigg.entitlements!.check!(id, { featureId: 'ai-credits', requestedUsage: balance });
    expect(enough).toMatchObject({ featureId: 'ai-credits', hasAccess: true, entitlement: { kind: 'CREDIT' } });
    const tooMuch = await stigg.entitlements!.check!(id, { featureId: 'ai-credits', requestedUsage: balance + 1 });
    expect(tooMuch).toMatchObject({ hasAccess: false, denialReason: 'InsufficientCredits' });
  });

  it('answers unknown features and customers with a denial and no entitlement', async () => {
    expect(await stigg.entitlements!.check!('user_000001', { featureId: 'feature-teleport' })).toMatchObject({ hasAccess: false, denialReason: 'FeatureNotFound', entitlement: null });
    expect(await stigg.entitlements!.check!('ghost', { featureId: 'feature-sso' })).toMatchObject({ hasAccess: false, denialReason: 'CustomerNotFound', entitlement: null });
  });
});

describe('stigg adapter: failures', () => {
  it('reports a missing key as UNAUTHENTICATED with Stigg code', async () => {
    const anonymous = withKey('');
    expect(await rejection(anonymous.customers.get('user_000001'))).toMatchObject({ code: 'UNAUTHENTICATED', status: 401, providerCode: 'UNAUTHENTICATED', message: 'Invalid or missing API key' });
  });

  it('retries reads on 503 and 429, then gives up with a retryable error', async () => {
    sandbox.setFaults({ stigg: { errorRate: 1 } });
    sandbox.clearRequests();
    expect(await rejection(stigg.customers.get('user_000001'))).toMatchObject({ code: 'UPSTREAM_ERROR', status: 503, providerCode: 'UNAVAILABLE', retryable: true });
    expect(sandbox.requests()).toHaveLength(3);
    sandbox.setFaults({ stigg: { rateLimitRate: 1, retryAfterSeconds: 0 } });
    expect(await rejection(stigg.customers.list({ limit: 5, cursor: null, filter: {} }))).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryable: true });
    sandbox.setFaults({});
  });

  it('does not retry a PATCH, which carries no idempotency key', async () => {
    sandbox.setFaults({ stigg: { errorRate: 1 } });
    sandbox.clearRequests();
    expect(await rejection(stigg.writes!.update!('user_000001', { name: 'x' }))).toMatchObject({ code: 'UPSTREAM_ERROR', outcomeUnknown: true });
    expect(sandbox.requests()).toHaveLength(1);
    sandbox.setFaults({});
  });

  it('reads the Edge API body and non-JSON bodies too', () => {
    expect(parseStiggError(429, { error: 'rate_limit_exceeded', message: 'Too many requests' })).toMatchObject({ message: 'Too many requests', providerCode: 'rate_limit_exceeded', code: 'RATE_LIMITED' });
    expect(parseStiggError(502, '<html>Bad gateway</html>').message).toBe('Stigg answered HTTP 502: <html>Bad gateway</html>');
    expect(parseStiggError(500, null).message).toBe('Stigg answered HTTP 500');
    expect(parseStiggError(400, { error: { code: 'INVALID_ARGUMENT', message: 'property colour should not exist' } }).field).toBe('colour');
    expect(parseStiggError(400, { error: { code: 'INVALID_ARGUMENT', message: 'id must match ^x$ regular expression' } }).field).toBe('externalId');
  });
});
