import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { configError } from './support/config';

const problemsOf = (env: Record<string, string>): string[] => configError(env).problems;

describe('rate budget configuration', () => {
  it('budgets a live provider at its published limit, a sandbox one not at all', () => {
    const config = loadConfig({ POLAR_API_KEY: 'polar_oat_1', ORB_API_KEY: 'orb_1', STIGG_API_KEY: 'server-1', OMISE_API_KEY: 'skey_test_1', AUTH: 'off' });
    expect(config.rateLimits).toEqual({
      orb: { perSecond: 100, burst: 10 },
      stigg: { perSecond: 50, burst: 5 },
      // Omise publishes no number: the budget learns one from the first 429.
      omise: { perSecond: null, burst: 1 },
      polar: { perSecond: 100, burst: 10 },
      synctera: { perSecond: null, burst: 1 },
    });
    expect(config.rateBudgetMaxWaitMs).toBe(10_000);
  });

  it('follows a limit the sandbox is told to enforce from the start', () => {
    const config = loadConfig({ SANDBOX_FAULTS: '{"polar": {"rateLimitPerSecond": 100, "rateLimitBurst": 100}}' });
    expect(config.rateLimits.polar).toEqual({ perSecond: 100, burst: 10 });
    expect(config.rateLimits.orb).toEqual({ perSecond: null, burst: 1 });
  });

  it('takes <PROVIDER>_RATE_LIMIT (fractions, or "unlimited") and <PROVIDER>_RATE_BURST over either default', () => {
    const config = loadConfig({ POLAR_API_KEY: 'polar_oat_1', POLAR_RATE_LIMIT: '8.3', ORB_API_KEY: 'orb_1', ORB_RATE_LIMIT: 'unlimited', OMISE_RATE_LIMIT: '40', OMISE_RATE_BURST: '12', AUTH: 'off' });
    expect(config.rateLimits.polar).toEqual({ perSecond: 8.3, burst: 1 });
    expect(config.rateLimits.orb).toEqual({ perSecond: null, burst: 1 });
    expect(config.rateLimits.omise).toEqual({ perSecond: 40, burst: 12 });
  });

  it('reads the pool and the longest wait, and refuses nonsense naming each variable', () => {
    const config = loadConfig({ HTTP_CONNECTIONS_PER_ORIGIN: '256', HTTP_PIPELINING: '4', HTTP_KEEP_ALIVE_TIMEOUT_MS: '2000', RATE_BUDGET_MAX_WAIT_MS: '0' });
    expect(config.http.pool).toEqual({ connectionsPerOrigin: 256, pipelining: 4, keepAliveTimeoutMs: 2000 });
    expect(config.rateBudgetMaxWaitMs).toBe(0);
    const problems = problemsOf({ POLAR_RATE_LIMIT: 'fast', ORB_RATE_LIMIT: '0', STIGG_RATE_BURST: '0', HTTP_CONNECTIONS_PER_ORIGIN: '0' });
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/POLAR_RATE_LIMIT must be calls per second above 0.*"fast"/);
    expect(problems.join('\n')).toMatch(/ORB_RATE_LIMIT must be calls per second above 0.*"0"/);
    expect(problems.join('\n')).toMatch(/STIGG_RATE_BURST must be a whole number/);
    expect(problems.join('\n')).toMatch(/HTTP_CONNECTIONS_PER_ORIGIN must be a whole number/);
  });
});
