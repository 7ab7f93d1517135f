import { describe, expect, it } from 'vitest';
import { followSandboxRateLimits, loadConfig } from '../../src/config';
import { TokenBucketBudget } from '../../src/providers/kit/token-bucket';
import { ManualClock } from '../support/manual-clock';
import { startTestSandbox } from '../support/provider-setup';

const sandbox = await startTestSandbox(['polar', 'orb']);

describe('rate budgets follow the limit the embedded sandbox enforces', () => {
  it('paces a provider at the rate PUT /__sandbox/faults sets, and is unlimited again after a reset', async () => {
    const clock = new ManualClock();
    const budget = new TokenBucketBudget({ limits: {}, maxWaitMs: 10_000, clock });
    followSandboxRateLimits(sandbox, budget, ['polar']);
    expect(budget.currentRate('polar')).toBe(Number.POSITIVE_INFINITY);

    const response = await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ polar: { rateLimitPerSecond: 20 }, orb: { rateLimitPerSecond: 5 } }) });
    expect(response.status).toBe(200);
    expect(budget.currentRate('polar')).toBe(20);
    // Only the providers named follow (orb has a limit of its own configured, say): its budget is untouched.
    expect(budget.currentRate('orb')).toBe(Number.POSITIVE_INFINITY);

    // 20/s with the default burst (2): the third of five calls started at once waits 50 ms, the fifth 150 ms.
    const start = clock.now();
    const grantedAt: number[] = [];
    for (let index = 0; index < 5; index++) void budget.acquire('polar', {}).then(() => grantedAt.push(clock.now() - start));
    await clock.advance(0);
    expect(grantedAt).toEqual([0, 0]);
    await clock.advance(1000);
    expect(grantedAt).toEqual([0, 0, 50, 100, 150]);

    sandbox.reset();
    expect(budget.currentRate('polar')).toBe(Number.POSITIVE_INFINITY);
  });

  it('follows only sandbox providers without a rate limit of their own', () => {
    const config = loadConfig({ POLAR_RATE_LIMIT: '50', ORB_RATE_BURST: '4' });
    expect(config.rateLimitsFollowSandbox).not.toContain('polar');
    expect(config.rateLimitsFollowSandbox).not.toContain('orb');
    expect(config.rateLimitsFollowSandbox).toContain('stigg');
  });
});
