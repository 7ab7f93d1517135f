import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../src/sandbox/sandbox';
import { allSimulators } from '../../src/registry';
import type { RedisState } from '../../src/state/redis/redis-state';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { call, type Loose } from '../support/http';
import { listen, openEventStream } from '../support/listening-gateway';
import { connectRedisState, describeWithRedis, uniquePrefix } from '../support/redis';
import { plainHeaders, startWebhookReceiver, type ReceivedWebhook } from '../support/webhook-receiver';

const secrets = { polar: 'polar-instances-secret', omise: Buffer.from('omise-instances-secret').toString('base64') };
const polarAuth = { authorization: 'Bearer test', 'content-type': 'application/json' };

/** Two gateway instances of one deployment: one sandbox, one real Redis for state, cache, de-duplication and pub/sub. */
describeWithRedis('Webhooks across instances suite', 'webhooks, cache and subscriptions across two instances on Redis', (redis) => {
  let sandbox: Sandbox;
  const states: RedisState[] = [];
  const gateways: TestGateway[] = [];
  let servers: Awaited<ReturnType<typeof listen>>[] = [];

  beforeAll(async () => {
    const prefix = uniquePrefix('webhooks');
    sandbox = await createSandbox({ port: 0, people: 40, simulators: allSimulators });
    for (let index = 0; index < 2; index++) {
      const state = await connectRedisState(redis.url, prefix);
      states.push(state);
      gateways.push(await startTestGateway({ sandbox, state, webhookSecrets: secrets, cacheTtlMs: { polar: 60_000, omise: 60_000 } }));
    }
    servers = await Promise.all(gateways.map((gateway) => listen(gateway.app)));
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    for (const gateway of gateways) await gateway.close();
    for (const state of states) await state.close();
    await sandbox.close();
  });

  it('a webhook delivered to one instance reaches a subscriber of the other, drops the shared cache, and applies once', async () => {
    const [first, second] = servers as [Awaited<ReturnType<typeof listen>>, Awaited<ReturnType<typeof listen>>];
    const created = await call(`${sandbox.baseUrls.polar}/v1/customers/`, { method: 'POST', headers: polarAuth, body: JSON.stringify({ email: 'two@example.com', external_id: 'two_instances' }) });
    const read = '{ customerByExternalId(externalId: "two_instances", provider: POLAR) { email } }';
    // Warm the shared cache through the second instance.
    expect((await gateways[1]!.run(read)).data.customerByExternalId.email).toBe('two@example.com');

    const receiver = await startWebhookReceiver();
    sandbox.setWebhooks({ endpoints: { polar: [{ id: 'capture', url: `${receiver.url}/webhooks/polar`, secret: secrets.polar }] }, retryDelaysMs: [] });
    await call(`${sandbox.baseUrls.polar}/v1/customers/${created.body.id}`, { method: 'PATCH', headers: polarAuth, body: JSON.stringify({ email: 'two-changed@example.com' }) });
    const deliveries = await receiver.waitFor(2);
    await receiver.close();
    const updated = deliveries.find((delivery) => JSON.parse(delivery.body).type === 'customer.updated') as ReceivedWebhook;

    const stream = await openEventStream(second.url, 'subscription { customerChanged(externalId: "two_instances") { kind customer { email } } }');
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const deliver = (url: string) => call(`${url}/webhooks/polar`, { method: 'POST', body: updated.body, headers: withoutHopHeaders(plainHeaders(updated.headers)) });
      const answers = [await deliver(first.url), await deliver(second.url)];
      expect(answers.map((answer) => [answer.status, answer.body.duplicate])).toEqual([[200, false], [200, true]]);
      const event: Loose = await stream.next(2_000);
      expect(event.data.customerChanged).toEqual({ kind: 'UPDATED', customer: { email: 'two-changed@example.com' } });
      expect((await gateways[1]!.run(read)).data.customerByExternalId.email).toBe('two-changed@example.com');
    } finally {
      stream.close();
    }
  });
});

function withoutHopHeaders(headers: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined && !['host', 'content-length', 'connection'].includes(entry[0])));
}
