import { createClient } from 'graphql-ws';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { omiseWebhooks } from '../../src/sandbox/omise/omise-webhooks';
import { orbWebhooks } from '../../src/sandbox/orb/orb-webhooks';
import { polarWebhooks } from '../../src/sandbox/polar/polar-webhooks';
import { syncteraWebhooks } from '../../src/sandbox/synctera/synctera-webhooks';
import type { SimulatorWebhooks } from '../../src/sandbox/shared/webhook-types';
import { callsByProvider, gatewayUnderTest, startTestGateway } from '../support/gateway';
import { call, type Loose } from '../support/http';
import { listen, openEventStream } from '../support/listening-gateway';
import { simulatorCall } from '../support/provider-setup';
import { plainHeaders, startWebhookReceiver, type ReceivedWebhook } from '../support/webhook-receiver';

const secrets: Record<string, string> = {
  orb: 'orb-gateway-secret',
  stigg: 'stigg-gateway-secret',
  omise: Buffer.from('omise-gateway-secret').toString('base64'),
  polar: 'polar-gateway-secret',
  synctera: 'synctera-gateway-secret',
};
const schemes: Record<string, SimulatorWebhooks | null> = { orb: orbWebhooks, stigg: null, omise: omiseWebhooks, polar: polarWebhooks, synctera: syncteraWebhooks };

const forgedSignature: Record<string, Record<string, string>> = {
  orb: { 'x-orb-signature': `v1=${'0'.repeat(64)}` },
  stigg: { 'stigg-webhooks-secret': 'not-the-secret' },
  omise: { 'omise-signature': '0'.repeat(64) },
  polar: { 'webhook-signature': `v1,${Buffer.alloc(32).toString('base64')}` },
  synctera: { 'synctera-signature': '0'.repeat(64) },
};


const api = (provider: string, path: string, method: string, body?: unknown) => simulatorCall(gateway.sandbox, provider, path, { method, body });

const deliverTo = (baseUrl: string) =>
  gateway.sandbox.setWebhooks({
    endpoints: Object.fromEntries(Object.entries(secrets).map(([provider, secret]) => [provider, [{ id: `endpoint-${provider}`, url: `${baseUrl}/webhooks/${provider}`, secret }]])),
    retryDelaysMs: [100, 200],
  });

const post = (provider: string, body: string, headers: Record<string, string | undefined>) =>
  call(`${server.url}/webhooks/${provider}`, { method: 'POST', body, headers: Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'host' && entry[0] !== 'content-length')) });

/** A write at each provider's own API, delivered to a recording endpoint instead of the gateway. */
let captures = 0;

async function captureOneEventPerProvider(): Promise<Record<string, ReceivedWebhook>> {
  const receiver = await startWebhookReceiver();
  const run = ++captures;
  try {
    deliverTo(receiver.url);
    await api('orb', '/customers', 'POST', { email: `forge${run}@example.com`, name: 'Forge Orb', external_customer_id: `forge_orb_${run}` });
    await api('stigg', '/api/v1/customers', 'POST', { id: `forge_stigg_${run}`, email: 'forge@example.com' });
    await api('omise', '/customers', 'POST', { email: 'forge@example.com', metadata: { external_id: `forge_omise_${run}` } });
    await api('polar', '/v1/customers/', 'POST', { email: `forge-polar${run}@example.com`, external_id: `forge_polar_${run}` });
    await api('synctera', '/customers', 'POST', { status: 'PROSPECT', first_name: 'Forge', last_name: 'Synctera', metadata: { external_id: `forge_synctera_${run}` } });
    await receiver.waitFor(6);
    const first: Record<string, ReceivedWebhook> = {};
    for (const delivery of receiver.received) first[delivery.path.split('/')[2] as string] ??= delivery;
    return first;
  } finally {
    deliverTo(server.url);
    await receiver.close();
  }
}

async function changesWithin<T>(ms: number, action: () => Promise<T>): Promise<{ result: T; changes: Loose[] }> {
  const changes: Loose[] = [];
  const iterator = gateway.app.gateway.changes.subscribe({})[Symbol.asyncIterator]();
  const collecting = (async () => {
    for (;;) {
      const next = await Promise.race([iterator.next(), new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))]);
      if (next === null || next.done) return;
      changes.push(next.value);
    }
  })();
  const result = await action();
  await collecting;
  await iterator.return?.();
  return { result, changes };
}

const gateway = await gatewayUnderTest({ people: 60, cacheTtlMs: { orb: 60_000, stigg: 60_000, omise: 60_000, polar: 60_000, synctera: 60_000 }, webhookSecrets: secrets });
const server = await listen(gateway.app);
afterAll(() => server.close());
deliverTo(server.url);
beforeEach(() => gateway.sandbox.clearWebhookDeliveries());

describe('webhooks into the gateway', () => {
  it('refuses a forged signature at every provider with 401 and applies nothing', async () => {
    const captured = await captureOneEventPerProvider();
    for (const provider of Object.keys(secrets)) {
      const delivery = captured[provider] as ReceivedWebhook;
      const headers = plainHeaders(delivery.headers);
      const { result, changes } = await changesWithin(150, async () => [
        await post(provider, delivery.body, { ...headers, ...forgedSignature[provider] }),
        await post(provider, delivery.body, { 'content-type': 'application/json' }),
        // Stigg signs nothing but sends its secret: a changed body is only caught where there is a signature.
        ...(provider === 'stigg' ? [] : [await post(provider, delivery.body.replace('forge', 'fraud'), headers)]),
      ]);
      expect(result.map((response) => response.status), provider).toEqual(provider === 'stigg' ? [401, 401] : [401, 401, 401]);
      expect(result[0]!.text).not.toContain(secrets[provider]);
      expect(changes, provider).toEqual([]);
    }
    const lookup = await gateway.run(`{ customerByExternalId(externalId: "forge_omise_${captures}", provider: OMISE) { id } }`);
    expect(lookup.data.customerByExternalId).toBeNull();
  });

  it('refuses a signature whose timestamp is more than five minutes old', async () => {
    const captured = await captureOneEventPerProvider();
    for (const provider of ['orb', 'omise', 'polar', 'synctera']) {
      const delivery = captured[provider] as ReceivedWebhook;
      const body = JSON.parse(delivery.body) as Loose;
      const event = { id: provider === 'polar' ? String(delivery.headers['webhook-id']) : String(body.id), type: 'x', occurredAt: new Date(), payload: {} };
      const stale = (schemes[provider] as SimulatorWebhooks).sign({ body: delivery.body, event, secret: secrets[provider] as string, now: new Date(Date.now() - 6 * 60 * 1000) });
      const response = await post(provider, delivery.body, { 'content-type': 'application/json', ...stale });
      expect(response.status, provider).toBe(401);
    }
  });

  it('applies a redelivered event once', async () => {
    const captured = await captureOneEventPerProvider();
    const delivery = captured.synctera as ReceivedWebhook;
    const { result, changes } = await changesWithin(200, async () => [
      await post('synctera', delivery.body, plainHeaders(delivery.headers)),
      await post('synctera', delivery.body, plainHeaders(delivery.headers)),
    ]);
    expect(result.map((response) => [response.status, response.body.duplicate])).toEqual([[200, false], [200, true]]);
    expect(changes.map((change) => `${change.kind}:${change.externalId}`)).toEqual([`CREATED:forge_synctera_${captures}`]);
  });

  it('answers 404 for a provider without a secret and for an unknown provider', async () => {
    const bare = await startTestGateway({ people: 5 });
    try {
      const response = await bare.app.yoga.fetch('http://gateway.test/webhooks/orb', { method: 'POST', body: '{}' });
      expect(response.status).toBe(404);
    } finally {
      await bare.close();
    }
    expect((await post('nobody', '{}', {})).status).toBe(404);
  });

  it('finds a customer created directly at Omise or Synctera by external ID within a second', async () => {
    await api('omise', '/customers', 'POST', { email: 'direct@example.com', metadata: { external_id: 'direct_omise' } });
    await api('synctera', '/customers', 'POST', { status: 'PROSPECT', first_name: 'Direct', last_name: 'Person', metadata: { external_id: 'direct_synctera' } });
    const deadline = Date.now() + 1_000;
    let found: Loose = null;
    while (Date.now() < deadline) {
      found = (await gateway.run('{ o: customerByExternalId(externalId: "direct_omise", provider: OMISE) { id } s: customerByExternalId(externalId: "direct_synctera", provider: SYNCTERA) { id } }')).data;
      if (found?.o !== null && found?.s !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(found.o.id).toMatch(/^omise:cust_test_/);
    expect(found.s.id).toMatch(/^synctera:/);
  });

  it('a customer created directly at a provider is in its cached first page within a second (the webhook voids the pages)', async () => {
    const page = '{ customers(provider: POLAR, first: 3) { nodes { email } } }';
    await gateway.run(page);
    gateway.clearUpstream();
    await gateway.run(page);
    expect(callsByProvider(gateway.upstream())).toEqual({});
    await api('polar', '/v1/customers/', 'POST', { email: 'listed-direct@example.com', external_id: 'listed_direct' });
    const deadline = Date.now() + 1_000;
    let emails: string[] = [];
    while (Date.now() < deadline) {
      emails = (await gateway.run(page)).data.customers.nodes.map((node: Loose) => node.email);
      if (emails.includes('listed-direct@example.com')) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(emails[0]).toBe('listed-direct@example.com');
  });

  it('a change made directly at a provider reaches an SSE subscriber within a second, with the fresh customer', async () => {
    const created = await api('polar', '/v1/customers/', 'POST', { email: 'sse@example.com', external_id: 'sse_person' });
    const stream = await openEventStream(
      server.url,
      'subscription ($externalId: String) { customerChanged(externalId: $externalId) { kind provider customerId externalId occurredAt customer { id email fetchedAt } } }',
      { externalId: 'sse_person' },
    );
    try {
      expect(stream.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const started = Date.now();
      await api('polar', `/v1/customers/${created.body.id}`, 'PATCH', { email: 'sse-changed@example.com' });
      const first = await stream.next(1_000);
      expect(Date.now() - started).toBeLessThan(1_000);
      const change = first.data.customerChanged;
      expect(change).toMatchObject({ provider: 'POLAR', customerId: `polar:${created.body.id}`, externalId: 'sse_person' });
      expect(['UPDATED', 'STATE_CHANGED']).toContain(change.kind);
      expect(change.customer.email).toBe('sse-changed@example.com');
    } finally {
      stream.close();
    }
  });

  it('serves the same subscription over graphql-ws, and the gateway\'s own writes publish too', async () => {
    const client = createClient({ url: `${server.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
    const received: Loose[] = [];
    let ready!: () => void;
    const subscribed = new Promise<void>((resolve) => (ready = resolve));
    const events = new Promise<void>((resolve, reject) => {
      const unsubscribe = client.subscribe(
        { query: 'subscription { customerChanged(externalId: "user_000002") { kind provider externalId customer { email } } }' },
        {
          next: (value) => {
            received.push(value);
            if (received.some((entry) => entry.data?.customerChanged?.provider === 'ORB')) {
              unsubscribe();
              resolve();
            }
          },
          error: reject,
          complete: () => resolve(),
        },
      );
      setTimeout(ready, 300);
    });
    await subscribed;
    const result = await gateway.run(
      'mutation { updateCustomer(input: { externalId: "user_000002", provider: ORB, email: "ws-changed@example.com" }) { __typename ... on Error { message } } }',
    );
    expect(result.data.updateCustomer.__typename).toBe('UpdateCustomerPayload');
    await events;
    await client.dispose();
    const orb = received.map((entry) => entry.data.customerChanged).find((change) => change.provider === 'ORB');
    expect(orb).toMatchObject({ kind: 'UPDATED', externalId: 'user_000002', customer: { email: 'ws-changed@example.com' } });
  });

  it('needs an external ID or an id to subscribe', async () => {
    const stream = await openEventStream(server.url, 'subscription { customerChanged { kind } }');
    const first = await stream.next(2_000);
    stream.close();
    expect(first.errors[0].message).toContain('needs externalId, id or both');
  });
});
