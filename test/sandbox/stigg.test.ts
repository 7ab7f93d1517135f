import { describe, expect, it } from 'vitest';
import { EVERYWHERE_PEOPLE, generatePeople } from '../../src/sandbox/shared/people';
import { json } from '../../src/sandbox/shared/sandbox-http';
import { StiggIdempotency } from '../../src/sandbox/stigg/stigg-idempotency';
import { call, type Loose } from '../support/http';
import { startTestSandbox, withSeedTwins } from '../support/provider-setup';
import { walkPages } from '../support/walk';

const PEOPLE = 200;
const SEED_NOW = new Date('2026-11-01T00:00:00Z');
const sandbox = await startTestSandbox(['stigg'], { people: PEOPLE, seedNow: SEED_NOW });
const base = sandbox.baseUrls.stigg as string;

const KEY = { 'X-API-KEY': 'server-test-key' };

function stigg(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const body = init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
  return call(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...KEY, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    body,
  });
}

function walk(query = '', limit = 37): Promise<Loose[]> {
  return walkPages<Loose, string>(async (after) => {
    const response = await stigg(`/api/v1/customers?limit=${limit}${query}${after === null ? '' : `&after=${after}`}`);
    expect(response.status).toBe(200);
    return { items: response.body.data, next: response.body.pagination.next ?? null };
  });
}

async function entitlementsOf(id: string, query = ''): Promise<Loose> {
  return (await stigg(`/api/v1/customers/${id}/entitlements${query}`)).body.data;
}

async function checkOf(id: string, query: string): Promise<Loose> {
  const response = await stigg(`/api/v1/customers/${id}/entitlements/check?${query}`);
  expect(response.status).toBe(200);
  return response.body.data;
}

/** The newest customer whose entitlement list satisfies `predicate`. */
async function findCustomer(predicate: (data: Loose) => boolean): Promise<{ id: string; data: Loose }> {
  for (const customer of await walk('', 100)) {
    const data = await entitlementsOf(customer.id);
    if (predicate(data)) return { id: customer.id, data };
  }
  throw new Error('no such customer in the seed');
}

const entry = (data: Loose, featureId: string) => data.entitlements.find((item: Loose) => item.feature?.id === featureId || item.currency?.currencyId === featureId);

describe('stigg simulator: auth and errors', () => {
  it('answers a missing or empty X-API-KEY with the documented 401 body, and accepts any key', async () => {
    for (const headers of [{}, { 'X-API-KEY': '' }, { 'X-API-KEY': '   ' }] as Record<string, string>[]) {
      const response = await call(`${base}/api/v1/customers/user_000001`, { headers });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Invalid or missing API key' } });
    }
    expect((await call(`${base}/api/v1/customers/user_000001`, { headers: { 'X-API-KEY': 'anything' } })).status).toBe(200);
  });

  it('answers unknown customers and routes with a 404 in the same error shape', async () => {
    const missing = await stigg('/api/v1/customers/nobody-here');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { code: 'NOT_FOUND', message: 'Customer with id nobody-here not found' } });
    for (const [method, path] of [['GET', '/api/v1/nothing'], ['DELETE', '/api/v1/customers/user_000001'], ['POST', '/api/v1/customers/nobody-here/archive']]) {
      const response = await stigg(path as string, { method: method as string });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    }
  });

  it('renders injected faults in its error shape, with Retry-After on 429', async () => {
    sandbox.setFaults({ stigg: { errorRate: 1 } });
    const failed = await stigg('/api/v1/customers');
    expect(failed.status).toBe(503);
    expect(failed.body).toEqual({ error: { code: 'UNAVAILABLE', message: 'Service unavailable' } });
    sandbox.setFaults({ stigg: { rateLimitRate: 1, retryAfterSeconds: 4 } });
    const limited = await stigg('/api/v1/customers');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('4');
    expect(limited.body).toEqual({ error: { code: 'RESOURCE_EXHAUSTED', message: 'Too many requests' } });
  });
});

describe('stigg simulator: seed', () => {
  it('holds most people, always the first ones, under their external id, created after sign-up and before seedNow', async () => {
    const people = generatePeople(42, PEOPLE, SEED_NOW);
    const byId = new Map(people.map((person) => [person.externalId, person]));
    const customers = await walk('', 100);
    expect(customers.length).toBe(sandbox.customerCounts().stigg);
    expect(customers.length / PEOPLE).toBeGreaterThan(0.5);
    expect(customers.length / PEOPLE).toBeLessThan(0.75);
    for (const person of people.slice(0, EVERYWHERE_PEOPLE)) expect(customers.some((customer) => customer.id === person.externalId)).toBe(true);
    for (const customer of customers) {
      const person = byId.get(customer.id);
      expect(person, customer.id).toBeDefined();
      const created = Date.parse(customer.createdAt);
      expect(created).toBeGreaterThanOrEqual(person!.signedUpAt.getTime());
      expect(created).toBeLessThanOrEqual(SEED_NOW.getTime());
      if (customer.email !== null) expect(customer.email).toBe(person!.email);
      if (customer.billingCurrency !== null) expect(customer.billingCurrency).toBe(person!.currency.toLowerCase());
    }
    expect(customers.filter((customer) => customer.archivedAt !== null).length).toBeGreaterThan(0);
    expect(new Set(customers.map((customer) => customer.billingId === null)).size).toBe(2);
  });

  it('is deterministic: the same seed gives the same first page, another seed another', async () => {
    await withSeedTwins('stigg', { people: PEOPLE, seedNow: SEED_NOW }, async ({ sameSeed, otherSeed }) => {
      const first = (await stigg('/api/v1/customers')).body;
      const read = (sandboxUrl: string) => call(`${sandboxUrl}/api/v1/customers`, { headers: KEY }).then((response) => response.body);
      expect(await read(sameSeed)).toEqual(first);
      expect(await read(otherSeed)).not.toEqual(first);
    });
  });
});

describe('stigg simulator: provision, retrieve, update', () => {
  it('provisions a customer (201 {data}), and retrieve and the list see it', async () => {
    const created = await stigg('/api/v1/customers', {
      method: 'POST',
      body: { id: 'acme-corp', name: 'Acme Corp', email: 'billing@acme.example', billingCurrency: 'usd', timezone: 'Europe/Paris', metadata: { tier: 'gold' }, couponId: '' },
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ id: 'acme-corp', name: 'Acme Corp', email: 'billing@acme.example', billingCurrency: 'usd', timezone: 'Europe/Paris', metadata: { tier: 'gold' }, archivedAt: null, couponId: null });
    expect(created.body.data.createdAt).toBe(created.body.data.updatedAt);
    expect((await stigg('/api/v1/customers/acme-corp')).body).toEqual(created.body);
    const first = (await stigg('/api/v1/customers?limit=1')).body.data[0];
    expect(first.id).toBe('acme-corp');
  });

  it('refuses a duplicate id with 409 and keeps the original', async () => {
    const duplicate = await stigg('/api/v1/customers', { method: 'POST', body: { id: 'user_000001', name: 'Impostor' } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toEqual({ error: { code: 'ALREADY_EXISTS', message: 'Customer with id user_000001 already exists' } });
    expect((await stigg('/api/v1/customers/user_000001')).body.data.name).not.toBe('Impostor');
  });

  it('rejects bad bodies with 400 naming the property, and writes nothing', async () => {
    const cases: [unknown, string][] = [
      ['{"id": "broken"', 'Malformed JSON body'],
      [[], 'body must be a JSON object'],
      [{}, 'id must be a string'],
      [{ id: '' }, 'id should not be empty'],
      [{ id: '-starts-with-dash' }, 'id must match'],
      [{ id: 'x'.repeat(256) }, 'id must be shorter than or equal to 255 characters'],
      [{ id: 'new-one', colour: 'red' }, 'property colour should not exist'],
      [{ id: 'new-one', email: 'not-an-email' }, 'email must be an email'],
      [{ id: 'new-one', name: 42 }, 'name must be a string'],
      [{ id: 'new-one', billingCurrency: 'USD' }, 'billingCurrency must be a lower-case ISO 4217 currency code'],
      [{ id: 'new-one', timezone: 'Mars/Olympus' }, 'timezone must be a valid IANA time zone'],
      [{ id: 'new-one', metadata: { plan: 3 } }, 'metadata.plan must be a string'],
      [{ id: 'new-one', defaultPaymentMethod: { type: 'CHEQUE' } }, 'defaultPaymentMethod.type must be one of'],
      [{ id: 'new-one', integrations: [{ id: 'x', syncedEntityId: null, vendorIdentifier: 'MYSPACE' }] }, 'integrations.0.vendorIdentifier must be one of'],
    ];
    for (const [body, message] of cases) {
      const response = await stigg('/api/v1/customers', { method: 'POST', body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.code).toBe('INVALID_ARGUMENT');
      expect(response.body.error.message).toContain(message);
      expect(Object.keys(response.body)).toEqual(['error']);
    }
    expect((await stigg('/api/v1/customers/new-one')).status).toBe(404);
  });

  it('updates with PATCH: given fields change, null clears, absent fields stay, metadata is replaced whole', async () => {
    await stigg('/api/v1/customers', { method: 'POST', body: { id: 'patch-me', name: 'Before', email: 'before@example.com', metadata: { a: '1', b: '2' } } });
    const updated = await stigg('/api/v1/customers/patch-me', { method: 'PATCH', body: { name: null, metadata: { c: '3' }, language: 'de' } });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({ id: 'patch-me', name: null, email: 'before@example.com', metadata: { c: '3' }, language: 'de' });
    expect(Date.parse(updated.body.data.updatedAt)).toBeGreaterThanOrEqual(Date.parse(updated.body.data.createdAt));
    expect((await stigg('/api/v1/customers/patch-me')).body.data.metadata).toEqual({ c: '3' });
  });

  it('refuses PATCH of the id, of defaultPaymentMethod, bad values, and unknown customers', async () => {
    for (const body of [{ id: 'other' }, { defaultPaymentMethod: null }, { email: 'nope' }]) {
      const response = await stigg('/api/v1/customers/user_000001', { method: 'PATCH', body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.code).toBe('INVALID_ARGUMENT');
    }
    const missing = await stigg('/api/v1/customers/ghost', { method: 'PATCH', body: { name: 'x' } });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
  });

  it('archives and unarchives, keeping the customer readable and listed', async () => {
    const archived = await stigg('/api/v1/customers/user_000002/archive', { method: 'POST' });
    expect(archived.status).toBe(200);
    expect(typeof archived.body.data.archivedAt).toBe('string');
    expect((await stigg('/api/v1/customers/user_000002')).body.data.archivedAt).toBe(archived.body.data.archivedAt);
    expect((await walk('', 100)).some((customer) => customer.id === 'user_000002')).toBe(true);
    // Archiving again changes nothing.
    expect((await stigg('/api/v1/customers/user_000002/archive', { method: 'POST' })).body.data.archivedAt).toBe(archived.body.data.archivedAt);
    const restored = await stigg('/api/v1/customers/user_000002/unarchive', { method: 'POST' });
    expect(restored.body.data.archivedAt).toBeNull();
  });
});

describe('stigg simulator: list', () => {
  it('pages newest first with limit 20 by default and walks every customer exactly once', async () => {
    const firstPage = (await stigg('/api/v1/customers')).body;
    expect(firstPage.data).toHaveLength(20);
    expect(firstPage.pagination.prev).toBeUndefined();
    expect(firstPage.pagination.next).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const all = await walk();
    const ids = all.map((customer) => customer.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(sandbox.customerCounts().stigg);
    const times = all.map((customer) => Date.parse(customer.createdAt));
    expect(times).toEqual([...times].sort((left, right) => right - left));
  });

  it('accepts the documented starting_after / ending_before spellings and pages backwards with before', async () => {
    const first = (await stigg('/api/v1/customers?limit=5')).body;
    const second = (await stigg(`/api/v1/customers?limit=5&after=${first.pagination.next}`)).body;
    expect((await stigg(`/api/v1/customers?limit=5&starting_after=${first.pagination.next}`)).body).toEqual(second);
    expect(second.pagination.prev).toBeDefined();
    const back = (await stigg(`/api/v1/customers?limit=5&before=${second.pagination.prev}`)).body;
    expect(back.data).toEqual(first.data);
    expect(back.pagination.prev).toBeUndefined();
    expect((await stigg(`/api/v1/customers?limit=5&ending_before=${second.pagination.prev}`)).body).toEqual(back);
  });

  it('keeps a walk exact while customers are created, updated and archived', async () => {
    const before = (await walk('', 100)).map((customer) => customer.id);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; ; page++) {
      const response: Loose = await stigg(`/api/v1/customers?limit=15${after === null ? '' : `&after=${after}`}`);
      seen.push(...response.body.data.map((customer: Loose) => customer.id));
      if (page === 1) {
        await stigg('/api/v1/customers', { method: 'POST', body: { id: 'mid-walk' } });
        await stigg(`/api/v1/customers/${before[before.length - 1]}/archive`, { method: 'POST' });
        await stigg(`/api/v1/customers/${before[40]}`, { method: 'PATCH', body: { name: 'Renamed' } });
      }
      after = response.body.pagination.next ?? null;
      if (after === null) break;
    }
    expect(seen).toEqual(before);
  });

  it('filters by exact email and name, and by createdAt bounds', async () => {
    const all = await walk('', 100);
    const sample = all.find((customer) => customer.email !== null && customer.name !== null)!;
    const byEmail = (await stigg(`/api/v1/customers?email=${encodeURIComponent(sample.email)}`)).body.data;
    expect(byEmail.map((customer: Loose) => customer.id)).toContain(sample.id);
    expect(byEmail.every((customer: Loose) => customer.email === sample.email)).toBe(true);
    expect((await stigg(`/api/v1/customers?email=${encodeURIComponent(sample.email.toUpperCase())}`)).body.data).toEqual([]);
    const byName = (await stigg(`/api/v1/customers?name=${encodeURIComponent(sample.name)}&limit=100`)).body.data;
    expect(byName.map((customer: Loose) => customer.id)).toEqual(all.filter((customer) => customer.name === sample.name).map((customer) => customer.id));
    expect((await stigg(`/api/v1/customers?name=${encodeURIComponent(sample.name.slice(0, 3))}`)).body.data).toEqual([]);

    const pivot = all[60].createdAt as string;
    const pivotMs = Date.parse(pivot);
    const expectRange = async (operator: string, keep: (time: number) => boolean) => {
      const filtered = await walk(`&createdAt%5B${operator}%5D=${encodeURIComponent(pivot)}`, 10);
      expect(filtered.map((customer) => customer.id), operator).toEqual(all.filter((customer) => keep(Date.parse(customer.createdAt))).map((customer) => customer.id));
    };
    await expectRange('gt', (time) => time > pivotMs);
    await expectRange('gte', (time) => time >= pivotMs);
    await expectRange('lt', (time) => time < pivotMs);
    await expectRange('lte', (time) => time <= pivotMs);
  });

  it('rejects out-of-range limits, malformed or foreign cursors and bad dates with 400', async () => {
    const foreign = '3f2b8c1e-0d4a-4b7e-9c2f-1a2b3c4d5e6f';
    for (const query of ['limit=0', 'limit=101', 'limit=ten', 'after=not-a-uuid', `after=${foreign}`, `before=${foreign}`, `after=${foreign}&before=${foreign}`, 'createdAt[gte]=yesterday']) {
      const response = await stigg(`/api/v1/customers?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.code).toBe('INVALID_ARGUMENT');
    }
    expect((await stigg('/api/v1/customers?limit=100')).body.data).toHaveLength(100);
  });
});

describe('stigg simulator: import and resources', () => {
  it('imports new customers, reports only the new ids, and leaves existing ones alone', async () => {
    const before = (await stigg('/api/v1/customers/user_000001')).body.data;
    const response = await stigg('/api/v1/customers/import', {
      method: 'POST',
      body: {
        customers: [
          { id: 'imported-1', email: 'one@example.com', name: 'One', metadata: { source: 'legacy' } },
          { id: 'user_000001', email: 'changed@example.com', name: 'Changed' },
          { id: 'imported-2', email: null, name: null },
          { id: 'imported-1', email: 'again@example.com', name: 'Again' },
        ],
      },
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { newCustomers: ['imported-1', 'imported-2'] } });
    expect((await stigg('/api/v1/customers/imported-1')).body.data).toMatchObject({ email: 'one@example.com', name: 'One', metadata: { source: 'legacy' } });
    expect((await stigg('/api/v1/customers/user_000001')).body.data).toEqual(before);
    expect(sandbox.customerCounts().stigg).toBe(new Set((await walk('', 100)).map((customer) => customer.id)).size);
  });

  it('rejects malformed imports', async () => {
    for (const body of [{}, { customers: [] }, { customers: [{ id: 'no-email', name: 'x' }] }, { customers: [{ id: 'x', email: null, name: null, colour: 'red' }] }]) {
      const response = await stigg('/api/v1/customers/import', { method: 'POST', body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.code).toBe('INVALID_ARGUMENT');
    }
  });

  it("pages a customer's resources, and 404s for an unknown customer", async () => {
    let owner: { id: string; resources: Loose[] } | null = null;
    for (const customer of await walk('', 100)) {
      const resources = (await stigg(`/api/v1/customers/${customer.id}/resources?limit=100`)).body.data;
      if (resources.length >= 2) {
        owner = { id: customer.id, resources };
        break;
      }
    }
    expect(owner).not.toBeNull();
    for (const resource of owner!.resources) expect(Object.keys(resource).sort()).toEqual(['createdAt', 'id', 'updatedAt']);
    const walked: Loose[] = [];
    let after: string | undefined;
    do {
      const page: Loose = (await stigg(`/api/v1/customers/${owner!.id}/resources?limit=1${after === undefined ? '' : `&after=${after}`}`)).body;
      walked.push(...page.data);
      after = page.pagination.next;
    } while (after !== undefined);
    expect(walked).toEqual(owner!.resources);
    expect((await stigg('/api/v1/customers/ghost/resources')).status).toBe(404);
  });
});

describe('stigg simulator: entitlements', () => {
  it('answers an unknown customer with CustomerNotFound, not a 404', async () => {
    expect(await entitlementsOf('ghost')).toEqual({ accessDeniedReason: 'CustomerNotFound', entitlements: [] });
    expect(await checkOf('ghost', 'featureId=feature-sso')).toMatchObject({ type: 'FEATURE', isGranted: false, accessDeniedReason: 'CustomerNotFound' });
    expect(await checkOf('ghost', 'currencyId=ai-credits')).toMatchObject({ type: 'CREDIT', isGranted: false, accessDeniedReason: 'CustomerNotFound', currentUsage: 0, usageLimit: 0 });
  });

  it('computes isGranted for numeric features from usage and limit, in the list and in checks', async () => {
    const customers = await walk('', 100);
    let checked = 0;
    for (const customer of customers.slice(0, 40)) {
      const data = await entitlementsOf(customer.id);
      for (const item of data.entitlements.filter((candidate: Loose) => candidate.feature?.featureType === 'NUMBER')) {
        const expected = item.hasUnlimitedUsage || item.currentUsage < item.usageLimit;
        expect(item.isGranted, `${customer.id} ${item.feature.id}`).toBe(expected);
        expect(item.accessDeniedReason).toBe(expected ? null : 'RequestedUsageExceedingLimit');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
    const { id, data } = await findCustomer((candidate) => {
      const seats = candidate.entitlements.find((item: Loose) => item.feature?.id === 'feature-seats');
      return seats !== undefined && !seats.hasUnlimitedUsage && seats.usageLimit - seats.currentUsage >= 1;
    });
    const seats = entry(data, 'feature-seats');
    const room = seats.usageLimit - seats.currentUsage;
    expect(await checkOf(id, `featureId=feature-seats&requestedUsage=${room}`)).toMatchObject({ isGranted: true, accessDeniedReason: null, currentUsage: seats.currentUsage, usageLimit: seats.usageLimit });
    expect(await checkOf(id, `featureId=feature-seats&requestedUsage=${room + 1}`)).toMatchObject({ isGranted: false, accessDeniedReason: 'RequestedUsageExceedingLimit' });
  });

  it('grants unlimited features any amount, and reports monthly usage periods around now', async () => {
    const { id, data } = await findCustomer((candidate) => entry(candidate, 'feature-api-calls')?.hasUnlimitedUsage === true);
    expect(entry(data, 'feature-api-calls').usageLimit).toBeNull();
    expect(await checkOf(id, 'featureId=feature-api-calls&requestedUsage=1000000000')).toMatchObject({ isGranted: true, hasUnlimitedUsage: true });
    const calls = entry(data, 'feature-api-calls');
    expect(calls.resetPeriod).toBe('MONTH');
    const start = Date.parse(calls.usagePeriodStart);
    const end = Date.parse(calls.usagePeriodEnd);
    expect(start).toBeLessThanOrEqual(Date.now());
    expect(end).toBeGreaterThan(Date.now());
    expect((end - start) / 86_400_000).toBeGreaterThanOrEqual(28);
    expect((end - start) / 86_400_000).toBeLessThanOrEqual(31);
    expect(calls.validUntil).toBe(calls.usagePeriodEnd);
  });

  it('denies features the plan lacks, unknown features and mismatched enum values', async () => {
    const withoutSso = await findCustomer((candidate) => candidate.accessDeniedReason === null && entry(candidate, 'feature-sso') === undefined);
    expect(await checkOf(withoutSso.id, 'featureId=feature-sso')).toMatchObject({ isGranted: false, accessDeniedReason: 'NoFeatureEntitlementInSubscription', feature: { id: 'feature-sso', featureType: 'BOOLEAN' } });
    expect(await checkOf(withoutSso.id, 'featureId=feature-beta-dashboard')).toMatchObject({ isGranted: false, accessDeniedReason: 'NoFeatureEntitlementInSubscription' });
    expect(await checkOf(withoutSso.id, 'featureId=feature-teleport')).toEqual({ type: 'FEATURE', isGranted: false, accessDeniedReason: 'FeatureNotFound' });
    expect(await checkOf(withoutSso.id, 'featureId=feature-regions&requestedValues=us-east')).toMatchObject({ isGranted: true });
    // sa-east is an enterprise-only region, and a plan without SSO is not enterprise.
    expect(await checkOf(withoutSso.id, 'featureId=feature-regions&requestedValues=us-east%2Csa-east')).toMatchObject({ isGranted: false, accessDeniedReason: 'RequestedValuesMismatch' });
    expect(await checkOf(withoutSso.id, 'featureId=feature-seats&requestedValues=us-east')).toMatchObject({ isGranted: false, accessDeniedReason: 'FeatureTypeMismatch' });
    const withSso = await findCustomer((candidate) => entry(candidate, 'feature-sso')?.isGranted === true);
    expect(await checkOf(withSso.id, 'featureId=feature-sso')).toMatchObject({ isGranted: true, accessDeniedReason: null });
  });

  it('checks credits against the balance', async () => {
    const { id, data } = await findCustomer((candidate) => {
      const credits = entry(candidate, 'ai-credits');
      return credits !== undefined && credits.usageLimit - credits.currentUsage > 0;
    });
    const credits = entry(data, 'ai-credits');
    expect(credits).toMatchObject({ type: 'CREDIT', isGranted: true, currency: { currencyId: 'ai-credits', displayName: 'AI credits' } });
    const balance = credits.usageLimit - credits.currentUsage;
    expect(await checkOf(id, `currencyId=ai-credits&requestedUsage=${balance}`)).toMatchObject({ isGranted: true, currentUsage: credits.currentUsage, usageLimit: credits.usageLimit });
    expect(await checkOf(id, `currencyId=ai-credits&requestedUsage=${balance + 1}`)).toMatchObject({ isGranted: false, accessDeniedReason: 'InsufficientCredits' });
  });

  it('follows archive state and subscriptions: archived and unsubscribed customers are denied', async () => {
    const { id } = await findCustomer((candidate) => entry(candidate, 'feature-audit-log')?.isGranted === true);
    await stigg(`/api/v1/customers/${id}/archive`, { method: 'POST' });
    expect(await entitlementsOf(id)).toEqual({ accessDeniedReason: 'CustomerIsArchived', entitlements: [] });
    expect(await checkOf(id, 'featureId=feature-audit-log')).toMatchObject({ isGranted: false, accessDeniedReason: 'CustomerIsArchived' });
    await stigg(`/api/v1/customers/${id}/unarchive`, { method: 'POST' });
    expect(await checkOf(id, 'featureId=feature-audit-log')).toMatchObject({ isGranted: true });

    await stigg('/api/v1/customers', { method: 'POST', body: { id: 'fresh-customer' } });
    expect(await entitlementsOf('fresh-customer')).toEqual({ accessDeniedReason: 'NoActiveSubscription', entitlements: [] });
    expect(await checkOf('fresh-customer', 'featureId=feature-seats&requestedUsage=1')).toMatchObject({ isGranted: false, accessDeniedReason: 'NoActiveSubscription' });
  });

  it('scopes entitlements to a resource', async () => {
    let found: { id: string; resource: string } | null = null;
    for (const customer of await walk('', 100)) {
      const resources = (await stigg(`/api/v1/customers/${customer.id}/resources`)).body.data;
      if (resources.length > 0 && customer.archivedAt === null) {
        found = { id: customer.id, resource: resources[0].id };
        break;
      }
    }
    expect(found).not.toBeNull();
    const scoped = await entitlementsOf(found!.id, `?resourceId=${found!.resource}`);
    expect(scoped.accessDeniedReason).toBeNull();
    expect(entry(scoped, 'feature-seats')).toBeDefined();
    // Resource subscriptions carry no credit grant of their own.
    expect(entry(scoped, 'ai-credits')).toBeUndefined();
    expect(await entitlementsOf(found!.id, '?resourceId=workspace-nowhere')).toEqual({ accessDeniedReason: 'NoActiveSubscription', entitlements: [] });
    expect(await checkOf(found!.id, 'featureId=feature-seats&resourceId=workspace-nowhere')).toMatchObject({ isGranted: false, accessDeniedReason: 'CustomerResourceNotFound' });
  });

  it('rejects checks naming both or neither of featureId and currencyId, and bad requestedUsage', async () => {
    for (const query of ['', 'featureId=feature-sso&currencyId=ai-credits', 'featureId=feature-seats&requestedUsage=-1', 'featureId=feature-seats&requestedUsage=lots', 'currencyId=ai-credits&requestedValues=a']) {
      const response = await stigg(`/api/v1/customers/user_000001/entitlements/check?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.code).toBe('INVALID_ARGUMENT');
    }
  });
});

describe('stigg simulator: idempotency', () => {
  it('replays a POST with the same key and body, and refuses the key with another body (409)', async () => {
    const request = { method: 'POST', body: { id: 'idem-1', name: 'Once' }, headers: { 'Idempotency-Key': 'key-1' } };
    const first = await stigg('/api/v1/customers', request);
    const count = sandbox.customerCounts().stigg;
    const replay = await stigg('/api/v1/customers', request);
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(sandbox.customerCounts().stigg).toBe(count);
    const conflict = await stigg('/api/v1/customers', { ...request, body: { id: 'idem-2' } });
    expect(conflict.status).toBe(409);
    expect(conflict.body).toEqual({ error: { code: 'ABORTED', message: 'Idempotency-Key key-1 was already used with a different request' } });
    expect((await stigg('/api/v1/customers/idem-2')).status).toBe(404);
    // Keys belong to one API key; without a key, a repeat is a duplicate.
    expect((await stigg('/api/v1/customers', { ...request, body: { id: 'idem-3' }, headers: { ...request.headers, 'X-API-KEY': 'another-key' } })).status).toBe(201);
    expect((await stigg('/api/v1/customers', { method: 'POST', body: { id: 'idem-1' } })).status).toBe(409);
  });

  it('replays archive, and ignores the key on PATCH', async () => {
    const headers = { 'Idempotency-Key': 'archive-1' };
    const first = await stigg('/api/v1/customers/user_000003/archive', { method: 'POST', headers });
    await stigg('/api/v1/customers/user_000003/unarchive', { method: 'POST' });
    expect((await stigg('/api/v1/customers/user_000003/archive', { method: 'POST', headers })).body).toEqual(first.body);
    expect((await stigg('/api/v1/customers/user_000003')).body.data.archivedAt).toBeNull();
    const patchHeaders = { 'Idempotency-Key': 'patch-1' };
    await stigg('/api/v1/customers/user_000003', { method: 'PATCH', body: { name: 'A' }, headers: patchHeaders });
    expect((await stigg('/api/v1/customers/user_000003', { method: 'PATCH', body: { name: 'B' }, headers: patchHeaders })).body.data.name).toBe('B');
  });

  it('forgets keys after 24 hours', async () => {
    let now = new Date('2026-11-01T00:00:00Z');
    const idempotency = new StiggIdempotency(() => now);
    let runs = 0;
    const request = { method: 'POST', path: '/api/v1/customers', rawQuery: '', query: new URLSearchParams(), headers: {}, body: '{"id":"a"}' };
    const execute = () => json(201, { run: ++runs });
    expect((await idempotency.run('api-key', 'k', request, execute)).json).toEqual({ run: 1 });
    now = new Date(now.getTime() + 23 * 3600 * 1000);
    expect((await idempotency.run('api-key', 'k', request, execute)).json).toEqual({ run: 1 });
    expect((await idempotency.run('api-key', 'k', { ...request, body: '{"id":"b"}' }, execute)).status).toBe(409);
    now = new Date(now.getTime() + 2 * 3600 * 1000);
    expect((await idempotency.run('api-key', 'k', { ...request, body: '{"id":"b"}' }, execute)).json).toEqual({ run: 2 });
  });
});
