import { describe, expect, it } from 'vitest';
import { gatewayUnderTest } from '../support/gateway';

const gateway = await gatewayUnderTest({ people: 20, cacheTtlMs: { polar: 60_000 }, webhookSecrets: { orb: 'orb-gateway-secret' } });

async function scrape(): Promise<string> {
  const response = await gateway.app.yoga.fetch('http://gateway.test/metrics');
  expect(response.status).toBe(200);
  return response.text();
}

/** One sample's value (0 when absent), its labels matched whatever their order. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    if (Object.entries(labels).every(([label, value]) => line.includes(`${label}="${value}"`))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}

describe('/metrics: read cache, webhooks and breakers', () => {
  it('counts a cached read as a miss the first time and a hit the second', async () => {
    const page = await gateway.run('{ customers(provider: POLAR, first: 1) { edges { node { id } } } }');
    const id = page.data.customers.edges[0].node.id as string;
    const query = `{ customer(id: "${id}") { id state { subscriptions { id } } } }`;
    const state = (text: string, result: string) => sample(text, 'customer_graph_cache_lookups_total', { provider: 'polar', kind: 'state', result });

    const before = await scrape();
    await gateway.run(query);
    const afterFirst = await scrape();
    await gateway.run(query);
    const afterSecond = await scrape();

    expect(state(afterFirst, 'miss') - state(before, 'miss')).toBe(1);
    expect(state(afterFirst, 'hit') - state(before, 'hit')).toBe(0);
    expect(state(afterSecond, 'miss') - state(afterFirst, 'miss')).toBe(0);
    expect(state(afterSecond, 'hit') - state(afterFirst, 'hit')).toBe(1);
    // The customer itself was stored by the page read, so both by-id reads find it.
    const customerHit = (text: string) => sample(text, 'customer_graph_cache_lookups_total', { provider: 'polar', kind: 'customer', result: 'hit' });
    expect(customerHit(afterSecond) - customerHit(before)).toBe(2);
  });

  it('shows each provider\'s breaker state, 0 while closed', async () => {
    const text = await scrape();
    for (const provider of ['orb', 'stigg', 'omise', 'polar', 'synctera']) {
      expect(text).toMatch(new RegExp(`^customer_graph_breaker_state\\{provider="${provider}"\\} 0$`, 'm'));
    }
  });

  it('counts a forged webhook as rejected', async () => {
    const rejected = (text: string) => sample(text, 'customer_graph_webhook_events_total', { provider: 'orb', outcome: 'rejected' });
    const before = await scrape();
    const response = await gateway.app.yoga.fetch('http://gateway.test/webhooks/orb', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-orb-signature': `v1=${'0'.repeat(64)}`, 'x-orb-timestamp': new Date().toISOString() },
      body: JSON.stringify({ id: 'evt_forged', type: 'customer.edited', customer: { id: 'cus_x' } }),
    });
    expect(response.status).toBe(401);
    const after = await scrape();
    expect(rejected(after) - rejected(before)).toBe(1);
    expect(sample(after, 'customer_graph_webhook_events_total', { provider: 'orb', outcome: 'applied' })).toBe(0);
  });
});
