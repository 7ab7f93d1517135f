import { Polar } from '@polar-sh/sdk';
import { HTTPValidationError } from '@polar-sh/sdk/models/errors/httpvalidationerror.js';
import { ResourceNotFound } from '@polar-sh/sdk/models/errors/resourcenotfound.js';
import { describe, expect, it } from 'vitest';
import { startTestSandbox } from '../support/provider-setup';

/**
 * Polar's official TypeScript SDK pointed at the sandbox, unchanged. The SDK checks every response with zod, so a
 * field of the wrong type or a missing required one fails here as it would against the real API.
 */
const sandbox = await startTestSandbox(['polar'], { resetBeforeEach: false });
const polar = new Polar({ accessToken: 'polar_oat_sandbox', serverURL: sandbox.baseUrls.polar as string });

describe('@polar-sh/sdk against the polar sandbox', () => {
  it('iterates every page of the customer list', async () => {
    const ids = new Set<string>();
    let pages = 0;
    for await (const page of await polar.customers.list({ limit: 25 })) {
      pages++;
      for (const customer of page.result.items) ids.add(customer.id);
      expect(page.result.pagination.totalCount).toBe(sandbox.customerCounts().polar);
    }
    expect(ids.size).toBe(sandbox.customerCounts().polar);
    expect(pages).toBe(Math.ceil(ids.size / 25));
  });

  it('creates, gets, gets by external id, updates, reads the state, deletes', async () => {
    const created = await polar.customers.create({
      email: 'sdk.person@example.com',
      name: 'SDK Person',
      externalId: 'sdk-person-1',
      metadata: { source: 'sdk', seats: 2 },
      billingAddress: { country: 'US', state: 'CA', line1: '1 Market St', city: 'San Francisco', postalCode: '94105' },
    });
    expect(created).toMatchObject({ type: 'individual', email: 'sdk.person@example.com', externalId: 'sdk-person-1', metadata: { source: 'sdk', seats: 2 } });
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(created.billingAddress?.state).toBe('US-CA');

    const fetched = await polar.customers.get({ id: created.id });
    expect(fetched).toEqual(created);
    expect(await polar.customers.getExternal({ externalId: 'sdk-person-1' })).toEqual(created);

    const updated = await polar.customers.update({ id: created.id, customerUpdate: { name: 'SDK Renamed', metadata: { source: 'sdk-updated' } } });
    expect(updated).toMatchObject({ name: 'SDK Renamed', metadata: { source: 'sdk-updated' } });
    expect(updated.modifiedAt).toBeInstanceOf(Date);
    const byExternal = await polar.customers.updateExternal({ externalId: 'sdk-person-1', customerUpdateExternalID: { locale: 'en-US' } });
    expect(byExternal.locale).toBe('en-US');

    const emptyState = await polar.customers.getState({ id: created.id });
    expect(emptyState).toMatchObject({ id: created.id, activeSubscriptions: [], grantedBenefits: [], activeMeters: [] });

    await polar.customers.delete({ id: created.id });
    await expect(polar.customers.get({ id: created.id })).rejects.toBeInstanceOf(ResourceNotFound);
  });

  it('parses seeded states: subscriptions, granted benefits and meters, for every active customer', async () => {
    const state = await polar.customers.getStateExternal({ externalId: 'user_000001' });
    expect(state.activeSubscriptions.length).toBeGreaterThan(0);
    for (const subscription of state.activeSubscriptions) {
      expect(subscription.currentPeriodEnd.getTime()).toBeGreaterThan(subscription.currentPeriodStart.getTime());
    }
    expect(state.grantedBenefits.length).toBeGreaterThan(0);
    for (const meter of state.activeMeters) expect(meter.balance).toBeCloseTo(meter.creditedUnits - meter.consumedUnits, 6);
    // Every seeded state parses, not only the first one.
    for await (const page of await polar.customers.list({ limit: 100, active: true })) {
      for (const customer of page.result.items) await polar.customers.getState({ id: customer.id });
    }
  });

  it('surfaces Polar errors as the SDK typed errors', async () => {
    await expect(polar.customers.getExternal({ externalId: 'nobody' })).rejects.toBeInstanceOf(ResourceNotFound);
    const existing = await polar.customers.getExternal({ externalId: 'user_000002' });
    const duplicate = await polar.customers.create({ email: existing.email as string }).catch((error: unknown) => error);
    expect(duplicate).toBeInstanceOf(HTTPValidationError);
    expect((duplicate as HTTPValidationError).detail?.[0]).toMatchObject({ loc: ['body', 'email'], msg: 'A customer with this email address already exists.' });
    const csv = await polar.customers.export({});
    expect(csv.split('\r\n')[0]).toMatch(/^ID,External ID,Created At,Email,Name,/);
  });
});
