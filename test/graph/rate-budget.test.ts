import { beforeAll, describe, expect, it } from 'vitest';
import { gatewayUnderTest } from '../support/gateway';

/**
 * The gateway at a provider's real limit: the sandbox enforces Polar's limit, the gateway's budget is set to the
 * same rate (as it is for a live provider), and many parallel reads are paced instead of refused.
 */

const gateway = await gatewayUnderTest({ people: 120, rateLimits: { polar: { perSecond: 20, burst: 1 } } });
let polarIds: string[];

beforeAll(async () => {
  const page = await gateway.run('{ customers(provider: POLAR, first: 30) { nodes { id } } }');
  polarIds = (page.data?.customers.nodes as { id: string }[]).map((node) => node.id);
});

describe('rate budgets against a rate-limited provider', () => {
  it('paces 30 parallel reads under the limit: every one answered, none refused with 429', async () => {
    expect(polarIds).toHaveLength(30);
    // Without pacing, a bucket of 5 would answer 25 of these 30 calls with 429.
    gateway.sandbox.setFaults({ polar: { rateLimitPerSecond: 20, rateLimitBurst: 5 } });
    gateway.clearUpstream();
    const results = await Promise.all(polarIds.map((id) => gateway.run('query($id: ID!) { customer(id: $id) { id email } }', { id })));
    expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
    expect(results.map((result) => result.data?.customer.id)).toEqual(polarIds);
    const calls = gateway.upstream();
    expect(calls).toHaveLength(30);
    expect(calls.filter((call) => call.status === 429)).toEqual([]);
  });
});
