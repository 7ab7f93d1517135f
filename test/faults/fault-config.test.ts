import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { configError } from '../support/config';

describe('fault settings from the environment', () => {
  it('defaults: a 5 s deadline, 1 s read attempts, hedging on, breakers at 10 failures or 70 %, 5 s open', () => {
    expect(loadConfig({}).http.faults).toEqual({
      deadlineMs: 5000,
      readTimeoutMs: 1000,
      readTimeouts: {},
      hedging: true,
      retryWindow: 0.5,
      breaker: { consecutiveFailures: 10, failureRatio: 0.7, halfOpenAfterMs: 5000 },
    });
  });

  it('reads every variable, with a read timeout per provider', () => {
    const faults = loadConfig({
      REQUEST_DEADLINE_MS: '3000',
      PROVIDER_READ_TIMEOUT_MS: '800',
      OMISE_READ_TIMEOUT_MS: '2000',
      PROVIDER_HEDGING: 'off',
      PROVIDER_RETRY_WINDOW: '0.8',
      BREAKER_CONSECUTIVE_FAILURES: '4',
      BREAKER_FAILURE_RATIO: '0.5',
      BREAKER_HALF_OPEN_AFTER_MS: '2500',
    }).http.faults;
    expect(faults).toEqual({ deadlineMs: 3000, readTimeoutMs: 800, readTimeouts: { omise: 2000 }, hedging: false, retryWindow: 0.8, breaker: { consecutiveFailures: 4, failureRatio: 0.5, halfOpenAfterMs: 2500 } });
  });

  it('lists every invalid value at once', () => {
    const problems = configError({ REQUEST_DEADLINE_MS: '5s', PROVIDER_HEDGING: 'maybe', PROVIDER_RETRY_WINDOW: '0', BREAKER_FAILURE_RATIO: '1.5', POLAR_READ_TIMEOUT_MS: '-1' }).problems.join('\n');
    for (const name of ['REQUEST_DEADLINE_MS', 'PROVIDER_HEDGING', 'PROVIDER_RETRY_WINDOW', 'BREAKER_FAILURE_RATIO', 'POLAR_READ_TIMEOUT_MS']) expect(problems).toContain(name);
  });
});
