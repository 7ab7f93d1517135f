import { validateEvent } from '@polar-sh/sdk/webhooks';
import Orb from 'orb-billing';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { webhookReceivers } from '../../src/registry';
import { call, type Loose } from '../support/http';
import { simulatorCall, startTestSandbox } from '../support/provider-setup';
import { plainHeaders, startWebhookReceiver } from '../support/webhook-receiver';

const secrets = {
  orb: 'orb-test-secret',
  stigg: 'stigg-test-secret',
  omise: Buffer.from('omise-test-secret-bytes').toString('base64'),
  polar: 'polar_whs_test_secret',
  synctera: 'synctera-test-secret',
};

const sandbox = await startTestSandbox('all', { people: 40 });
const receiver = await startWebhookReceiver();
afterAll(() => receiver.close());

function api(provider: string, path: string, method: string, body?: unknown, headers: Record<string, string> = {}) {
  return simulatorCall(sandbox, provider, path, { method, body, headers });
}

async function configure(retryDelaysMs: number[] = [50, 50]) {
  const endpoints = Object.fromEntries(Object.entries(secrets).map(([provider, secret]) => [provider, { url: `${receiver.url}/webhooks/${provider}`, secret }]));
  const response = await call(`${sandbox.url}/__sandbox/webhooks`, { method: 'PUT', body: JSON.stringify({ endpoints, retryDelaysMs }) });
  expect(response.status).toBe(200);
}

function verified(provider: keyof typeof secrets, index: number) {
  const delivery = receiver.received[index] as (typeof receiver.received)[number];
  expect(delivery.path).toBe(`/webhooks/${provider}`);
  return webhookReceivers[provider]!.verify(delivery.body, plainHeaders(delivery.headers), secrets[provider], new Date());
}

beforeEach(async () => {
  receiver.received.length = 0;
  receiver.script([]);
  await configure();
});

describe('sandbox webhooks', () => {
  it('Orb: a create and an edit through the REST API arrive signed as orb-billing verifies them', async () => {
    const created = await api('orb', '/customers', 'POST', { email: 'hook@example.com', name: 'Hook Person', external_customer_id: 'hook_1' });
    expect(created.status).toBe(201);
    await api('orb', `/customers/${created.body.id}`, 'PUT', { name: 'Hook Renamed' });
    const [first, second] = await receiver.waitFor(2);
    const orb = new Orb({ apiKey: 'x', baseURL: 'http://127.0.0.1:9', webhookSecret: secrets.orb });
    const events = [first!, second!].map((delivery) => orb.webhooks.unwrap(delivery.body, plainHeaders(delivery.headers), secrets.orb) as Loose);
    const byType = Object.fromEntries(events.map((event) => [event.type, event]));
    expect(byType['customer.created'].customer.id).toBe(created.body.id);
    expect(byType['customer.edited'].customer.name).toBe('Hook Renamed');
    expect(byType['customer.edited'].properties.previous_attributes).toEqual({ name: 'Hook Person' });
    expect(first!.headers['x-orb-signature']).toMatch(/^v1=[0-9a-f]{64}$/);
    // A forged body under the same headers fails the SDK's check.
    expect(() => orb.webhooks.unwrap(first!.body.replace('hook@', 'evil@'), plainHeaders(first!.headers), secrets.orb)).toThrow();
  });

  it('Stigg: the secret in Stigg-Webhooks-Secret, customer.created and customer.updated on archive', async () => {
    expect((await api('stigg', '/api/v1/customers', 'POST', { id: 'hook-stigg', email: 'h@example.com' })).status).toBe(201);
    expect((await api('stigg', '/api/v1/customers/hook-stigg/archive', 'POST')).status).toBe(200);
    await receiver.waitFor(2);
    expect(receiver.received[0]!.headers['stigg-webhooks-secret']).toBe(secrets.stigg);
    const types = [verified('stigg', 0), verified('stigg', 1)].map((event) => `${event.type}:${event.changes[0]?.kind}:${event.changes[0]?.customer?.status}`);
    expect(types.sort()).toEqual(['customer.created:CREATED:ACTIVE', 'customer.updated:UPDATED:ARCHIVED']);
  });

  it('Omise: an event object signed over "<timestamp>.<body>" with the base64-decoded secret', async () => {
    const created = await api('omise', '/customers', 'POST', { email: 'o@example.com', metadata: { external_id: 'hook_omise' } });
    expect(created.status).toBe(200);
    await api('omise', `/customers/${created.body.id}`, 'DELETE');
    await receiver.waitFor(2);
    const bodies = receiver.received.map((delivery) => JSON.parse(delivery.body) as Loose);
    expect(bodies.map((body) => body.key).sort()).toEqual(['customer.create', 'customer.destroy']);
    expect(bodies[0].object).toBe('event');
    expect(bodies[0].id).toMatch(/^evnt_test_[0-9a-z]+$/);
    const destroyed = [verified('omise', 0), verified('omise', 1)].find((event) => event.type === 'customer.destroy');
    expect(destroyed?.changes[0]).toMatchObject({ kind: 'DELETED', customerId: created.body.id });
    expect(destroyed?.changes[0]?.customer?.externalId).toBe('hook_omise');
  });

  it('Polar: Standard Webhooks headers that @polar-sh/sdk validateEvent accepts, with the state change', async () => {
    const created = await api('polar', '/v1/customers/', 'POST', { email: 'p@example.com', external_id: 'hook_polar' });
    expect(created.status).toBe(201);
    await receiver.waitFor(2);
    const types = receiver.received.map((delivery) => validateEvent(delivery.body, plainHeaders(delivery.headers) as Record<string, string>, secrets.polar).type);
    expect(types.sort()).toEqual(['customer.created', 'customer.state_changed']);
    expect(receiver.received[0]!.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
    expect(() => validateEvent(receiver.received[0]!.body, plainHeaders(receiver.received[0]!.headers) as Record<string, string>, 'another-secret')).toThrow();
  });

  it('Synctera: a webhook_request_object with the customer as a JSON string and the changed fields', async () => {
    const created = await api('synctera', '/customers', 'POST', { status: 'PROSPECT', first_name: 'Hook', last_name: 'Person' });
    expect(created.status).toBe(201);
    await api('synctera', `/customers/${created.body.id}`, 'PATCH', { first_name: 'Changed' });
    await receiver.waitFor(2);
    const bodies = receiver.received.map((delivery) => JSON.parse(delivery.body) as Loose);
    const updated = bodies.find((body) => body.type === 'CUSTOMER.UPDATED');
    expect(JSON.parse(updated.event_resource).first_name).toBe('Changed');
    expect(JSON.parse(updated.event_resource_changed_fields).first_name).toBe('Hook');
    expect(updated.resource_id).toBe(created.body.id);
    expect(verified('synctera', 0).changes[0]?.customerId).toBe(created.body.id);
  });

  it('retries a non-2xx answer and logs every attempt', async () => {
    receiver.script([500, 503]);
    await api('orb', '/customers', 'POST', { email: 'retry@example.com', name: 'Retry Person' });
    await receiver.waitFor(3);
    const ids = new Set(receiver.received.map((delivery) => JSON.parse(delivery.body).id));
    expect(ids.size).toBe(1);
    const { body } = await call(`${sandbox.url}/__sandbox/webhooks/deliveries`);
    const attempts = (body.deliveries as Loose[]).filter((delivery) => delivery.provider === 'orb');
    expect(attempts.map((delivery) => [delivery.attempt, delivery.status])).toEqual([[1, 500], [2, 503], [3, 200]]);
    expect(attempts[0].nextAttemptAt).not.toBeNull();
    expect(attempts[2].nextAttemptAt).toBeNull();
  });

  it('gives up after the configured retries', async () => {
    await configure([20]);
    receiver.script([500, 500, 500]);
    await api('orb', '/customers', 'POST', { email: 'give-up@example.com', name: 'Give Up' });
    await receiver.waitFor(2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.received).toHaveLength(2);
  });

  it('an idempotent replay and a read raise nothing', async () => {
    const body = { email: 'once@example.com', name: 'Once' };
    await api('orb', '/customers', 'POST', body, { 'idempotency-key': 'hook-once' });
    const replay = await api('orb', '/customers', 'POST', body, { 'idempotency-key': 'hook-once' });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    await api('orb', '/customers', 'GET');
    await receiver.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.received).toHaveLength(1);
  });

  it('the admin API shows endpoints without secrets and refuses a bad configuration', async () => {
    const shown = await call(`${sandbox.url}/__sandbox/webhooks`);
    expect(shown.body.endpoints.orb[0].url).toBe(`${receiver.url}/webhooks/orb`);
    expect(shown.text).not.toContain(secrets.orb);
    const bad = await call(`${sandbox.url}/__sandbox/webhooks`, { method: 'PUT', body: JSON.stringify({ endpoints: { nope: { url: 'ftp://x', secret: '' } } }) });
    expect(bad.status).toBe(400);
    expect(bad.body.problems.join(' ')).toContain('unknown provider "nope"');
    const cleared = await call(`${sandbox.url}/__sandbox/webhooks`, { method: 'PUT', body: '{}' });
    expect(cleared.body.endpoints).toEqual({});
    await api('orb', '/customers', 'POST', { email: 'quiet@example.com', name: 'Quiet' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.received).toHaveLength(0);
  });
});
