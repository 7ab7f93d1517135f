import { describe, expect, it } from 'vitest';
import { ProfileDocument } from '../generated/graphql';
import { callsByProvider, gatewayUnderTest } from '../support/gateway';

/**
 * The goals for one provider down, through the whole product: the others answer within 1.5 s while it
 * hangs; its breaker opens, its part then fails in milliseconds with PROVIDER_UNAVAILABLE, health says so at
 * once, a probe at most every cool-down reaches it, and it closes again once the provider is back.
 */
const halfOpenAfterMs = 600;

const gateway = await gatewayUnderTest({
  people: 60,
  retry: { retries: 2 },
  faults: { readTimeoutMs: 300, breaker: { consecutiveFailures: 5, failureRatio: 0.9, halfOpenAfterMs } },
});

const health = async () =>
  ((await gateway.run('{ providers { name health { ok state message } } }')).data!.providers as { name: string; health: { ok: boolean; state: string; message: string | null } }[]).find(
    (provider) => provider.name === 'POLAR',
  )!.health;

describe('one provider hung, then dead, then back', () => {
  it('answers the other providers within 1.5 s while one hangs, opens its breaker, fails it fast, and recovers', async () => {
    gateway.sandbox.setFaults({ polar: { hangRate: 1 } });
    const started = performance.now();
    const hung = await gateway.execute(ProfileDocument, { externalId: 'user_000001' });
    expect(performance.now() - started).toBeLessThan(1500);
    expect(hung.data!.profile!.customers.map((customer) => customer.provider)).toEqual(['ORB', 'STIGG', 'OMISE', 'SYNCTERA']);
    expect(hung.data!.profile!.unavailableFrom).toEqual(['POLAR']);
    expect(hung.errors?.[0]?.extensions).toMatchObject({ code: 'PROVIDER_TIMEOUT', provider: 'polar' });

    // Cold, one attempt a query (it waited the whole read timeout: the silence budget allows no retry), so the
    // breaker (5 consecutive failures) is open after the fifth query, each answered within 1.5 s.
    for (let index = 2; index <= 5; index++) {
      const next = performance.now();
      expect((await gateway.execute(ProfileDocument, { externalId: `user_00000${index}` })).data!.profile!.customers).toHaveLength(4);
      expect(performance.now() - next).toBeLessThan(1500);
    }
    expect(await health()).toMatchObject({ ok: false, state: 'OPEN' });

    gateway.clearUpstream();
    const fast = performance.now();
    const open = await gateway.execute(ProfileDocument, { externalId: 'user_000006' });
    expect(performance.now() - fast).toBeLessThan(300);
    expect(open.data!.profile!.unavailableFrom).toEqual(['POLAR']);
    expect(open.errors?.[0]?.extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'polar' });
    expect(callsByProvider(gateway.upstream()).polar).toBeUndefined();

    // Back again: after the cool-down one probe goes through and closes the breaker.
    gateway.sandbox.setFaults({});
    await new Promise((resolve) => setTimeout(resolve, halfOpenAfterMs + 50));
    gateway.clearUpstream();
    const recovered = await gateway.execute(ProfileDocument, { externalId: 'user_000004' });
    expect(recovered.errors).toBeUndefined();
    expect(recovered.data!.profile!.customers.map((customer) => customer.provider)).toContain('POLAR');
    expect(await health()).toMatchObject({ ok: true, state: 'CLOSED', message: null });
  });

  it('sends at most one probe per cool-down to a provider that stays dead', async () => {
    gateway.sandbox.setFaults({ polar: { errorRate: 1, errorStatus: 503 } });
    for (let index = 0; index < 3; index++) await gateway.execute(ProfileDocument, { externalId: 'user_000005' });
    expect((await health()).state).toBe('OPEN');
    gateway.clearUpstream();
    const until = Date.now() + halfOpenAfterMs * 2 + 100;
    let queries = 0;
    while (Date.now() < until) {
      const result = await gateway.execute(ProfileDocument, { externalId: 'user_000001' });
      expect(result.data!.profile!.customers.length).toBe(4);
      queries++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const probes = gateway.upstream().filter((entry) => entry.provider === 'polar').length;
    expect(queries).toBeGreaterThan(10);
    expect(probes).toBeGreaterThanOrEqual(1);
    expect(probes).toBeLessThanOrEqual(2);
    gateway.sandbox.setFaults({});
  });
});
