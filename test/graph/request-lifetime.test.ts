import { afterEach, describe, expect, it, vi } from 'vitest';
import { gatewayUnderTest } from '../support/gateway';

/** A deadline no other timer of the product uses, so its timers can be told apart. */
const deadlineMs = 4321;
const gateway = await gatewayUnderTest({ people: 60, faults: { deadlineMs } });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('an answered request holds nothing until its deadline', () => {
  it('the deadline timer of every answered query and mutation is cleared by the time its answer is read', async () => {
    const deadlineTimers = new Set<unknown>();
    const cleared = new Set<unknown>();
    const setTimer = globalThis.setTimeout;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((handler: () => void, ms?: number) => {
      const timer = setTimer(handler, ms);
      if (ms === deadlineMs) deadlineTimers.add(timer);
      return timer;
    }) as typeof setTimeout);
    const clearTimer = globalThis.clearTimeout;
    vi.spyOn(globalThis, 'clearTimeout').mockImplementation(((timer?: Parameters<typeof clearTimeout>[0]) => {
      cleared.add(timer);
      clearTimer(timer);
    }) as typeof clearTimeout);

    const page = await gateway.run('{ customers(provider: POLAR, first: 5) { nodes { id state { subscriptions { id } } } } }');
    expect(page.errors).toBeUndefined();
    const id = page.data.customers.nodes[0].id as string;
    expect((await gateway.run(`{ customer(id: "${id}") { id email } }`)).errors).toBeUndefined();
    const update = await gateway.run('mutation { updateCustomer(input: { externalId: "user_000004", provider: ORB, name: "Lifetime Test" }) { __typename } }');
    expect(update.data.updateCustomer.__typename).toBe('UpdateCustomerPayload');
    // A request that fails in part is answered all the same.
    expect((await gateway.run('{ customer(id: "polar_00000000-0000-0000-0000-000000000000") { id } }')).data).toBeDefined();

    expect(deadlineTimers.size).toBe(4);
    expect([...deadlineTimers].filter((timer) => !cleared.has(timer))).toEqual([]);
  });
});
