import { afterEach, describe, expect, it, vi } from 'vitest';
import { gatewayUnderTest } from '../support/gateway';

/** A deadline no other timer of the product uses (nor one within a second under it), so its timers can be told apart. */
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
      // The timer runs from when the first upstream call reads the signal to the deadline: a little under it.
      if (ms !== undefined && ms > deadlineMs - 1000 && ms <= deadlineMs) deadlineTimers.add(timer);
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

  it('a request that calls no provider sets no deadline timer at all', async () => {
    const timers: unknown[] = [];
    const setTimer = globalThis.setTimeout;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((handler: () => void, ms?: number) => {
      if (ms !== undefined && ms > deadlineMs - 1000 && ms <= deadlineMs) timers.push(ms);
      return setTimer(handler, ms);
    }) as typeof setTimeout);
    expect((await gateway.run('{ __typename }')).data).toEqual({ __typename: 'Query' });
    expect(timers).toEqual([]);
    expect((await gateway.run('{ customers(provider: ORB, first: 1) { nodes { id } } }')).errors).toBeUndefined();
    expect(timers).toHaveLength(1);
  });
});
