import { afterAll, describe, expect, it } from 'vitest';
import { gatewayUnderTest } from '../support/gateway';
import { listen, openEventStream } from '../support/listening-gateway';

/** Far shorter than the wait below: an event must not inherit the deadline of the request that subscribed. */
const deadlineMs = 300;
const gateway = await gatewayUnderTest({ people: 60, faults: { deadlineMs } });
const server = await listen(gateway.app);
afterAll(() => server.close());

describe('a subscription outlives its first deadline', () => {
  it('an event long after subscribing still reads the fresh customer, without a deadline error', async () => {
    const stream = await openEventStream(server.url, 'subscription { customerChanged(externalId: "user_000004") { kind customer { email } } }');
    try {
      expect(stream.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, deadlineMs * 3));
      for (const email of ['late-one@example.com', 'late-two@example.com']) {
        const written = await gateway.run(`mutation { updateCustomer(input: { externalId: "user_000004", provider: ORB, email: "${email}" }) { __typename } }`);
        expect(written.data.updateCustomer.__typename).toBe('UpdateCustomerPayload');
        const event = await stream.next(2_000);
        expect(event.errors).toBeUndefined();
        expect(event.data.customerChanged.customer.email).toBe(email);
        await new Promise((resolve) => setTimeout(resolve, deadlineMs * 2));
      }
    } finally {
      stream.close();
    }
  });
});
