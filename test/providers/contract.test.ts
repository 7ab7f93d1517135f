import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Customer, CustomerChanges, CustomerFilter, CustomerFilterField, CustomerProvider, CustomerStatus, WritableField } from '../../src/providers/spec/provider';
import { providerDefinitions } from '../../src/registry';
import { capabilityReport, type CapabilityReport } from '../../src/routing/capabilities';
import { adaptersUnderTest } from '../support/provider-setup';
import { rejection } from '../support/rejection';
import { walkCustomers } from '../support/walk';

/**
 * The contract every adapter promises the gateway, run over the registry against one sandbox with all five
 * simulators. Provider-specific behaviour lives in the per-provider suites; here only what the loaders, the router
 * and the merged list rely on, whatever the provider.
 */

const API_KEY = 'contract-key';
const STATUSES: readonly CustomerStatus[] = ['ACTIVE', 'ARCHIVED', 'DELETED', 'INACTIVE', 'PENDING', 'BLOCKED'];
const ALL_FILTERS: readonly CustomerFilterField[] = ['email', 'createdAfter', 'createdBefore', 'search'];

const { sandbox, transport, adapter } = await adaptersUnderTest('all', { people: 150, resetBeforeEach: false });
afterEach(() => sandbox.setFaults({}));

const ids = (customers: readonly Customer[]) => customers.map((customer) => customer.providerId);
const time = (customer: Customer) => customer.createdAt?.getTime() ?? Number.NaN;
const unique = () => Math.random().toString(36).slice(2, 10);

/** A lookup by external ID as the gateway makes it without the index: natively, or by id where the id is the external ID. */
function byExternalId(provider: CustomerProvider, externalId: string): Promise<Customer | null> {
  const lookup = provider.customers.byExternalId;
  if (lookup.kind === 'native') return lookup.get(externalId);
  if (lookup.kind === 'customer-id') return provider.customers.get(externalId);
  throw new Error(`${provider.name} looks external IDs up in the gateway's index`);
}

/** A value for each unified field, for creating a customer with whatever a provider requires. */
function valueFor(field: WritableField, token: string): CustomerChanges[WritableField] {
  switch (field) {
    case 'email': return `contract.${token}@example.com`;
    case 'name': return `Contract ${token}`;
    case 'externalId': return `contract-${token}`;
    case 'metadata': return { origin: 'contract' };
    case 'currency': return 'USD';
    case 'timezone': return 'UTC';
    case 'billingAddress': return { line1: '1 Main St', line2: null, city: 'Springfield', state: 'IL', postalCode: '62701', country: 'US' };
  }
}

/**
 * What `providers { capabilities }` shows for each provider. It is derived from the methods each adapter has
 * (`src/routing/capabilities.ts`), and must stay what the flags declared before the spec went by presence.
 */
const SHOWN_CAPABILITIES: Record<string, CapabilityReport> = {
  orb: {
    batchSize: 1, externalIdLookup: 'native', listFilters: ['createdAfter', 'createdBefore'], maxPageSize: 100, totalCount: false, state: false,
    entitlements: 'none', entitlementCheck: 'none', operations: ['create', 'update', 'updateByExternalId', 'delete', 'syncPaymentMethods'], idempotency: true,
  },
  stigg: {
    batchSize: 1, externalIdLookup: 'customer-id', listFilters: ['email', 'createdAfter', 'createdBefore'], maxPageSize: 100, totalCount: false, state: false,
    entitlements: 'endpoint', entitlementCheck: 'endpoint', operations: ['create', 'update', 'updateByExternalId', 'archive', 'unarchive'], idempotency: true,
  },
  omise: {
    batchSize: 1, externalIdLookup: 'index', listFilters: ['createdAfter', 'createdBefore', 'search'], maxPageSize: 100, totalCount: true, state: false,
    entitlements: 'none', entitlementCheck: 'none', operations: ['create', 'update', 'delete'], idempotency: false,
  },
  polar: {
    batchSize: 1, externalIdLookup: 'native', listFilters: ['email', 'search'], maxPageSize: 100, totalCount: true, state: true,
    entitlements: 'state', entitlementCheck: 'derived', operations: ['create', 'update', 'updateByExternalId', 'delete', 'deleteByExternalId'], idempotency: false,
  },
  synctera: {
    batchSize: 100, externalIdLookup: 'index', listFilters: ['email'], maxPageSize: 100, totalCount: false, state: false,
    entitlements: 'none', entitlementCheck: 'none', operations: ['create', 'update'], idempotency: true,
  },
};


/** Registers a test only where the adapter's capabilities make it meaningful: no skipped placeholders. */
function itIf(condition: boolean): (name: string, body: () => Promise<void>, timeout?: number) => void {
  return condition ? (name, body, timeout) => it(name, body, timeout) : () => undefined;
}

describe.each(providerDefinitions)('$name adapter contract', (definition) => {
  // Capabilities are static: read them at collection time (no call is made) so tests that do not apply are not registered.
  const provider = adapter(definition.name, API_KEY);
  /** Every customer, as one full walk saw it (taken before this suite writes anything). */
  let listed: Customer[];

  beforeAll(async () => {
    listed = await walkCustomers(provider);
  });
  beforeEach(() => sandbox.clearRequests());

  describe('identity', () => {
    it('names itself after its definition and maps every customer into the shared vocabulary', () => {
      expect(provider.name).toBe(definition.name);
      expect(provider.displayName).toBe(definition.displayName);
      expect(listed.length).toBeGreaterThan(0);
      for (const customer of listed) {
        expect(customer.provider).toBe(definition.name);
        expect(typeof customer.providerId).toBe('string');
        expect(customer.providerId).not.toBe('');
        expect(STATUSES).toContain(customer.status);
        expect(customer.createdAt).toBeInstanceOf(Date);
        expect(Number.isNaN(time(customer))).toBe(false);
        expect(customer.metadata).toBeTypeOf('object');
        expect(customer.raw).toBeTypeOf('object');
      }
    });

    it('reads a listed customer back by id as the same customer', async () => {
      const sample = listed[Math.floor(listed.length / 2)] as Customer;
      const customer = await provider.customers.get(sample.providerId);
      expect(customer).toMatchObject({ provider: definition.name, providerId: sample.providerId, externalId: sample.externalId, email: sample.email, status: sample.status });
    });

    for (const id of ['', 'nobody-0000', '00000000-0000-4000-8000-000000000000', 'cust_test_zzzzzzzzzzzzzzzzzzz', 'a/b?c=d', '%']) {
      it(`answers null, not an error, for the unknown or malformed id ${JSON.stringify(id)}`, async () => {
        expect(await provider.customers.get(id)).toBeNull();
      });
    }
  });

  describe('capabilities are the methods it has', () => {
    it('shows the graph the capabilities its methods and limits give, the same as before', () => {
      expect(capabilityReport(provider)).toEqual(SHOWN_CAPABILITIES[definition.name]);
    });

    it('declares sane limits: a positive page and batch size, known filters, required fields it can write', () => {
      const { limits } = provider;
      expect(limits.maxPageSize).toBeGreaterThan(0);
      expect(provider.customers.batch?.maxIds ?? 1).toBeGreaterThanOrEqual(1);
      for (const field of limits.requiredOnCreate) expect(limits.writableFields.create).toContain(field);
      for (const filter of limits.listFilters) expect(ALL_FILTERS).toContain(filter);
    });
  });

  describe('listCustomers', () => {
    it('walks every customer exactly once, newest first, ending with a null cursor', async () => {
      const seen = ids(listed);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(sandbox.customerCounts()[definition.name]);
      const times = listed.map(time);
      for (let index = 1; index < times.length; index++) expect(times[index]).toBeLessThanOrEqual(times[index - 1] as number);
    });

    it('clamps an oversized limit to its page size instead of failing', async () => {
      const page = await provider.customers.list({ limit: provider.limits.maxPageSize * 10 + 7, cursor: null, filter: {} });
      expect(page.customers.length).toBe(Math.min(provider.limits.maxPageSize, listed.length));
      expect(ids(page.customers)).toEqual(ids(listed).slice(0, page.customers.length));
    });

    it('pages in the same order as one walk: the second page follows the first', async () => {
      const first = await provider.customers.list({ limit: 7, cursor: null, filter: {} });
      expect(first.nextCursor).not.toBeNull();
      const second = await provider.customers.list({ limit: 7, cursor: first.nextCursor, filter: {} });
      expect(ids([...first.customers, ...second.customers])).toEqual(ids(listed).slice(0, 14));
    });

    it('rejects each filter it does not declare with UNSUPPORTED, never ignoring it', async () => {
      const unsupported = ALL_FILTERS.filter((filter) => !provider.limits.listFilters.includes(filter));
      const sample: Required<CustomerFilter> = { email: 'someone@example.com', createdAfter: new Date('2020-01-01T00:00:00Z'), createdBefore: new Date('2030-01-01T00:00:00Z'), search: 'someone' };
      for (const filter of unsupported) {
        const error = await rejection(provider.customers.list({ limit: 10, cursor: null, filter: { [filter]: sample[filter] } }));
        expect(error.code).toBe('UNSUPPORTED');
        expect(error.provider).toBe(definition.name);
      }
    });

    it('applies every filter it declares: the chosen customer is in, another is out', async () => {
      const live = listed.filter((customer) => customer.status !== 'DELETED');
      const declared = provider.limits.listFilters;
      expect(declared.length).toBeGreaterThan(0);
      for (const filter of declared) {
        let wanted: Customer;
        let other: Customer;
        let value: CustomerFilter;
        if (filter === 'createdAfter' || filter === 'createdBefore') {
          // Two customers with different creation times; the boundary lies strictly between them, so the
          // inclusive or exclusive reading of the bound makes no difference.
          const newer = live[Math.floor(live.length / 3)] as Customer;
          const older = live.find((customer) => time(customer) < time(newer)) as Customer;
          const boundary = new Date(Math.floor((time(newer) + time(older)) / 2));
          expect(time(older)).toBeLessThan(boundary.getTime());
          expect(boundary.getTime()).toBeLessThan(time(newer));
          [wanted, other] = filter === 'createdAfter' ? [newer, older] : [older, newer];
          value = { [filter]: boundary };
        } else {
          const withEmail = live.filter((customer) => customer.email !== null);
          wanted = withEmail[Math.floor(withEmail.length / 2)] as Customer;
          other = withEmail.find((customer) => customer.email !== wanted.email) as Customer;
          value = { [filter]: wanted.email };
        }
        const found = ids(await walkCustomers(provider, { filter: value }));
        expect(found, `${filter} keeps ${wanted.providerId}`).toContain(wanted.providerId);
        expect(found, `${filter} drops ${other.providerId}`).not.toContain(other.providerId);
        expect(found.length).toBeLessThan(listed.length);
      }
    });
  });

  describe('lookups', () => {
    itIf(provider.customers.byExternalId.kind === 'index')('offers no native external-ID lookup: the gateway\'s identity index answers', async () => {
      expect(provider.customers.byExternalId).toMatchObject({ kind: 'index', metadataKey: expect.any(String) });
      const holder = listed.find((customer) => customer.externalId !== null);
      expect(holder?.externalId, 'the external ID is still read from the payload').toBeTruthy();
    });

    itIf((provider.customers.batch?.maxIds ?? 1) > 1)('fetches exactly the asked customers in one batch', async () => {
      const wanted = ids(listed.slice(3, 8));
      const customers = await provider.customers.batch?.get([...wanted, '00000000-0000-4000-8000-000000000000']);
      expect(ids(customers ?? []).sort()).toEqual([...wanted].sort());
      expect(sandbox.requests()).toHaveLength(1);
    });

    itIf(provider.customers.byExternalId.kind !== 'index')('finds a listed customer by its external ID natively', async () => {
      const holder = listed.filter((customer) => customer.externalId !== null && customer.status !== 'DELETED')[5] as Customer;
      expect(holder).toBeDefined();
      const found = await byExternalId(provider, holder.externalId as string);
      expect(found?.providerId).toBe(holder.providerId);
      expect(found?.externalId).toBe(holder.externalId);
      expect(await byExternalId(provider, `nobody-${unique()}`)).toBeNull();
    });
  });

  describe('createCustomer', () => {
    itIf(provider.writes?.create !== undefined)('creates with the required fields and an external ID, and reads it back as written', async () => {
      const { create } = provider.limits.writableFields;
      const token = unique();
      const changes: CustomerChanges = {};
      const fields = new Set<WritableField>([...provider.limits.requiredOnCreate, ...(['email', 'externalId'] as const).filter((field) => create.includes(field))]);
      for (const field of fields) Object.assign(changes, { [field]: valueFor(field, token) });
      const created = await provider.writes!.create!(changes);
      expect(created.provider).toBe(definition.name);
      const read = await provider.customers.get(created.providerId);
      expect(read?.providerId).toBe(created.providerId);
      if (changes.externalId !== undefined) expect(read?.externalId).toBe(changes.externalId);
      if (changes.email !== undefined) expect(read?.email).toBe(changes.email);
      if (changes.externalId !== undefined && provider.customers.byExternalId.kind !== 'index') {
        expect((await byExternalId(provider, changes.externalId as string))?.providerId).toBe(created.providerId);
      }
    });
  });

  describe('failures', () => {
    it('reports a missing key as UNAUTHENTICATED from its provider', async () => {
      const error = await rejection(adapter(definition.name, '').customers.list({ limit: 1, cursor: null, filter: {} }));
      expect(error).toMatchObject({ code: 'UNAUTHENTICATED', status: 401, provider: definition.name, retryable: false });
    });

    it('reports a refused key as UNAUTHENTICATED without the key in the message', async () => {
      // The sandbox accepts any non-empty key, so the refusal is injected: the adapter has sent a real key.
      const secret = `sk_live_${unique()}${unique()}`;
      sandbox.setFaults({ [definition.name]: { errorRate: 1, errorStatus: 401 } });
      const error = await rejection(adapter(definition.name, secret).customers.list({ limit: 1, cursor: null, filter: {} }));
      expect(error).toMatchObject({ code: 'UNAUTHENTICATED', status: 401, provider: definition.name, retryable: false });
      expect(error.message).not.toContain(secret);
      expect(JSON.stringify(error)).not.toContain(secret);
      expect(sandbox.requests()).toHaveLength(1);
    });

    it('retries a read that keeps failing with 503, then reports UPSTREAM_ERROR as retryable', async () => {
      sandbox.setFaults({ [definition.name]: { errorRate: 1, errorStatus: 503 } });
      const error = await rejection(provider.customers.get((listed[0] as Customer).providerId));
      expect(error).toMatchObject({ code: 'UPSTREAM_ERROR', status: 503, retryable: true, provider: definition.name });
      expect(sandbox.requests()).toHaveLength(1 + transport.retry.retries);
    });

    itIf(provider.writes?.create !== undefined)('retries a create under 503 only with an idempotency key the provider honours', async () => {
      sandbox.setFaults({ [definition.name]: { errorRate: 1, errorStatus: 503 } });
      const token = unique();
      const changes: CustomerChanges = { email: valueFor('email', token) as string, name: valueFor('name', token) as string };
      const unkeyed = await rejection(provider.writes!.create!(changes));
      expect(unkeyed).toMatchObject({ code: 'UPSTREAM_ERROR', outcomeUnknown: true });
      expect(sandbox.requests()).toHaveLength(1);
      sandbox.clearRequests();
      await rejection(provider.writes!.create!(changes, { idempotencyKey: `contract-${token}` }));
      expect(sandbox.requests()).toHaveLength(provider.limits.idempotency ? 1 + transport.retry.retries : 1);
    });
  });
});
