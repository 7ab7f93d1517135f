import Orb from 'orb-billing';
import { describe, expect, it } from 'vitest';
import { startTestSandbox } from '../support/provider-setup';

/** Orb's official Node client, unchanged, pointed at the sandbox: fidelity is what this file proves. */
const sandbox = await startTestSandbox(['orb']);
// No retries: a fidelity bug must fail the test, not be retried away (the SDK retries 409 and 5xx).
const client = new Orb({ apiKey: 'orb_sandbox_key', baseURL: sandbox.baseUrls.orb, maxRetries: 0, timeout: 5000 });

describe('orb-billing against the sandbox', () => {
  it('creates, fetches by id and by external id', async () => {
    const created = await client.customers.create({
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      external_customer_id: 'client-ada',
      currency: 'GBP',
      timezone: 'Europe/London',
      metadata: { plan: 'growth' },
      billing_address: { line1: '12 St James Sq', city: 'London', country: 'GB', postal_code: 'SW1Y 4JH' },
    });
    expect(created).toMatchObject({ email: 'ada@example.com', external_customer_id: 'client-ada', currency: 'GBP', timezone: 'Europe/London', metadata: { plan: 'growth' } });
    expect(await client.customers.fetch(created.id)).toEqual(created);
    expect(await client.customers.fetchByExternalId('client-ada')).toEqual(created);
  });

  it('walks the whole list with for await, each customer once', async () => {
    const ids: string[] = [];
    for await (const customer of client.customers.list({ limit: 50 })) ids.push(customer.id);
    expect(ids.length).toBe(sandbox.customerCounts().orb);
    expect(new Set(ids).size).toBe(ids.length);
    const pages = sandbox.requests().filter((entry) => entry.method === 'GET' && entry.path === '/orb/v1/customers');
    expect(pages.length).toBe(Math.ceil(ids.length / 50));
  });

  it('lists with created_at filters encoded by the client', async () => {
    const all: Orb.Customer[] = [];
    for await (const customer of client.customers.list({ limit: 100 })) all.push(customer);
    const pivot = all[Math.floor(all.length / 2)]!.created_at;
    const newer: string[] = [];
    for await (const customer of client.customers.list({ 'created_at[gte]': pivot, limit: 20 })) newer.push(customer.id);
    expect(newer).toEqual(all.filter((customer) => Date.parse(customer.created_at) >= Date.parse(pivot)).map((customer) => customer.id));
  });

  it('updates by id and by external id, merging metadata', async () => {
    const created = await client.customers.create({ email: 'bob@example.com', name: 'Bob', external_customer_id: 'client-bob', metadata: { a: '1', b: '2' } });
    const updated = await client.customers.update(created.id, { name: 'Robert', metadata: { a: null, c: '3' } });
    expect(updated).toMatchObject({ name: 'Robert', metadata: { b: '2', c: '3' } });
    const byExternal = await client.customers.updateByExternalId('client-bob', { email: 'robert@example.com' });
    expect(byExternal).toMatchObject({ id: created.id, name: 'Robert', email: 'robert@example.com' });
  });

  it('syncs payment methods by id and by external id', async () => {
    const created = await client.customers.create({ email: 'carol@example.com', name: 'Carol', external_customer_id: 'client-carol', payment_provider: 'stripe_charge', payment_provider_id: 'cus_Carol' });
    await client.customers.syncPaymentMethodsFromGateway(created.id);
    await client.customers.syncPaymentMethodsFromGatewayByExternalCustomerId('client-carol');
    expect((await client.customers.fetch(created.id)).default_payment_method).toMatchObject({ customer_id: created.id, default: true });
  });

  it('deletes, after which fetch answers the tombstone', async () => {
    const created = await client.customers.create({ email: 'dan@example.com', name: 'Dan' });
    await client.customers.delete(created.id);
    expect(await client.customers.fetch(created.id)).toEqual({ id: created.id, deleted: true });
  });

  it('raises the SDK typed errors for Orb error bodies', async () => {
    await expect(client.customers.fetch('DBhwNcMNfYgeBpn')).rejects.toBeInstanceOf(Orb.ResourceNotFound);
    await expect(client.customers.create({ email: 'not-an-email', name: 'X' })).rejects.toBeInstanceOf(Orb.RequestValidationError);
    await client.customers.create({ email: 'eve@example.com', name: 'Eve', external_customer_id: 'client-eve' });
    await expect(client.customers.create({ email: 'eve2@example.com', name: 'Eve', external_customer_id: 'client-eve' })).rejects.toBeInstanceOf(Orb.DuplicateResourceCreation);
    const anonymous = new Orb({ apiKey: 'x', baseURL: sandbox.baseUrls.orb, maxRetries: 0, defaultHeaders: { Authorization: '' } });
    await expect(anonymous.customers.list()).rejects.toBeInstanceOf(Orb.OrbAuthenticationError);
  });

  it('replays a create sent twice with the same idempotency key, and refuses it with another body', async () => {
    const first = await client.customers.create({ email: 'fay@example.com', name: 'Fay' }, { idempotencyKey: 'client-key-1' });
    const again = await client.customers.create({ email: 'fay@example.com', name: 'Fay' }, { idempotencyKey: 'client-key-1' });
    expect(again.id).toBe(first.id);
    await expect(client.customers.create({ email: 'fay@example.com', name: 'Not Fay' }, { idempotencyKey: 'client-key-1' })).rejects.toBeInstanceOf(Orb.ResourceConflict);
  });
});
