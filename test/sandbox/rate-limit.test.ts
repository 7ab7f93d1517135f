import { describe, expect, it } from 'vitest';
import { call } from '../support/http';
import { sandboxAuth, startTestSandbox } from '../support/provider-setup';

const sandbox = await startTestSandbox('all', { people: 20 });

/** One authenticated list call per provider, as its own clients send it. */
const listPaths: Record<string, string> = { orb: '/customers', stigg: '/api/v1/customers', omise: '/customers', polar: '/v1/customers/', synctera: '/customers' };

async function listTwiceThenOnceMore(provider: string) {
  const path = listPaths[provider] as string;
  const headers = sandboxAuth[provider] as Record<string, string>;
  const url = `${sandbox.baseUrls[provider]}${path}`;
  const first = await call(url, { headers });
  const second = await call(url, { headers });
  const third = await call(url, { headers });
  return { first, second, third };
}

describe('sandbox rate limits (rateLimitPerSecond)', () => {
  it('lets the burst through, then answers 429 as each provider does', async () => {
    const limit = { rateLimitPerSecond: 0.5, rateLimitBurst: 2 };
    const put = await call(`${sandbox.url}/__sandbox/faults`, {
      method: 'PUT',
      body: JSON.stringify({ orb: limit, stigg: limit, omise: limit, polar: limit, synctera: limit }),
    });
    expect(put.status).toBe(200);

    const orb = await listTwiceThenOnceMore('orb');
    expect([orb.first.status, orb.second.status, orb.third.status]).toEqual([200, 200, 429]);
    expect(orb.third.body).toMatchObject({ type: 'https://docs.withorb.com/reference/error-responses#429-too-many-requests', status: 429 });
    expect(orb.third.headers.get('retry-after')).toBeNull();

    const stigg = await listTwiceThenOnceMore('stigg');
    expect(stigg.third.status).toBe(429);
    expect(stigg.third.body).toEqual({ error: { code: 'RESOURCE_EXHAUSTED', message: 'Too many requests' } });
    expect(stigg.third.headers.get('retry-after')).toBeNull();

    const omise = await listTwiceThenOnceMore('omise');
    expect(omise.third.status).toBe(429);
    expect(omise.third.body).toMatchObject({ object: 'error', code: 'too_many_requests' });
    expect(omise.third.headers.get('retry-after')).toBeNull();

    const polar = await listTwiceThenOnceMore('polar');
    expect(polar.third.status).toBe(429);
    expect(polar.third.text).toBe('');
    // Half a request per second: the next token is two seconds away.
    expect(polar.third.headers.get('retry-after')).toBe('2');

    const synctera = await listTwiceThenOnceMore('synctera');
    expect(synctera.third.status).toBe(429);
    expect(synctera.third.headers.get('content-type')).toBe('application/problem+json');
    expect(synctera.third.body).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS', retry_after: 2 });
    expect(synctera.third.headers.get('retry-after')).toBeNull();

    const logged = sandbox.requests().filter((entry) => entry.status === 429);
    expect(logged.map((entry) => entry.provider).sort()).toEqual(['omise', 'orb', 'polar', 'stigg', 'synctera']);
  });

  it('limits each provider on its own, and a new fault setting starts a full bucket', async () => {
    await call(`${sandbox.url}/__sandbox/faults`, { method: 'PUT', body: JSON.stringify({ polar: { rateLimitPerSecond: 0.5, rateLimitBurst: 1 } }) });
    const polar = await listTwiceThenOnceMore('polar');
    expect([polar.first.status, polar.second.status]).toEqual([200, 429]);
    const orb = await listTwiceThenOnceMore('orb');
    expect([orb.first.status, orb.second.status, orb.third.status]).toEqual([200, 200, 200]);
    await call(`${sandbox.url}/__sandbox/faults`, { method: 'PUT', body: JSON.stringify({ polar: { rateLimitPerSecond: 0.5, rateLimitBurst: 1 } }) });
    expect((await listTwiceThenOnceMore('polar')).first.status).toBe(200);
  });

  it('refuses a limit that is not a positive rate, or a burst without a rate', async () => {
    const put = await call(`${sandbox.url}/__sandbox/faults`, {
      method: 'PUT',
      body: JSON.stringify({ polar: { rateLimitPerSecond: 0 }, orb: { rateLimitBurst: 5 }, stigg: { rateLimitPerSecond: 10, rateLimitBurst: 1.5 } }),
    });
    expect(put.status).toBe(400);
    const problems = (put.body as { problems: string[] }).problems.join('\n');
    expect(problems).toMatch(/polar.rateLimitPerSecond: must be requests per second above 0/);
    expect(problems).toMatch(/orb.rateLimitBurst: needs rateLimitPerSecond/);
    expect(problems).toMatch(/stigg.rateLimitBurst: must be a whole number/);
    expect(sandbox.faults()).toEqual({});
  });
});
