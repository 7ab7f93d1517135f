import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayServer, type GatewayServer } from '../../src/server/gateway-server';
import { gatewayUnderTest } from '../support/gateway';

/** A real gateway on a loopback port: SIGTERM's drain, observed from outside. */
// Headers timeout far beyond the grace period: only the shutdown can end the hanging write.
const gateway = await gatewayUnderTest({ people: 100, timeouts: { headersMs: 60_000, bodyMs: 60_000 } });
const sandbox = gateway.sandbox;
let server: GatewayServer;

beforeAll(async () => {
  server = await startGatewayServer(gateway.app, { port: 0, host: '127.0.0.1', graceMs: 1500 });
});
// Runs before the gateway closes (after-hooks run last-registered first); a second shutdown is a no-op.
afterAll(() => server.shutdown());

async function graphql(query: string, variables?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.json() };
}

const createMutation = `mutation Create($input: CreateCustomerInput!) {
  createCustomer(input: $input) {
    __typename
    ... on Error { code message }
    ... on ProviderError { outcomeUnknown idempotencyKey provider }
    ... on CreateCustomerPayload { customer { id } }
  }
}`;

describe('graceful shutdown', () => {
  it('turns readiness false, refuses new requests, lets in-flight ones finish, and answers a cut-off write with an unknown outcome and its key', async () => {
    expect(server.port).toBeGreaterThan(0);
    expect((await fetch(`${server.url}/readiness`)).status).toBe(200);
    const orbId = (await graphql('{ customers(provider: ORB, first: 1) { nodes { id } } }')).body.data.customers.nodes[0].id;
    // The Orb read takes 400 ms (finishes inside the grace period); the Polar write never gets an answer.
    sandbox.setFaults({ orb: { latencyMs: [400, 400] }, polar: { hangRate: 1 } });
    const read = graphql('query ($id: ID!) { customer(id: $id) { id } }', { id: orbId });
    const write = graphql(createMutation, { input: { provider: 'POLAR', email: 'cut.off@example.com', name: 'Cut Off', idempotencyKey: 'shutdown-key-1' } });
    await waitFor(() => server.inFlight === 2);

    const started = performance.now();
    const shutdown = server.shutdown();
    const readiness = await fetch(`${server.url}/readiness`);
    expect(readiness.status).toBe(503);
    expect(await readiness.json()).toMatchObject({ status: 'not ready', checks: { draining: { ready: false } } });
    const refused = await graphql('{ providers { name } }');
    expect(refused.status).toBe(503);
    expect(refused.body.errors[0].extensions.code).toBe('SHUTTING_DOWN');

    const readResult = await read;
    expect(readResult.status).toBe(200);
    expect(readResult.body.data.customer.id).toBe(orbId);

    const writeResult = await write;
    expect(writeResult.status).toBe(200);
    expect(writeResult.body.data.createCustomer).toMatchObject({
      __typename: 'ProviderError',
      code: 'PROVIDER_ABORTED',
      provider: 'POLAR',
      outcomeUnknown: true,
      idempotencyKey: 'shutdown-key-1',
    });
    expect(writeResult.body.data.createCustomer.message).toMatch(/shut down/);

    const report = await shutdown;
    expect(report).toEqual({ inFlightAtStart: 2, cancelled: 1, dropped: 0 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(1400);
    expect(server.server.listening).toBe(false);
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let tries = 0; tries < 500 && !condition(); tries++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}
