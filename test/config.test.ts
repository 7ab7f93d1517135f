import { describe, expect, it } from 'vitest';
import { loadConfig, type AppConfig } from '../src/config';
import { providerDefinitions } from '../src/registry';
import { configError } from './support/config';

const provider = (config: AppConfig, name: string) => config.providers.find((candidate) => candidate.name === name);

describe('loadConfig', () => {
  it('runs every provider on the sandbox with the documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.providers).toEqual(providerDefinitions.map((definition) => ({ name: definition.name, mode: 'SANDBOX', baseUrl: null, apiKey: null })));
    expect(config.providers.map((entry) => entry.name)).toEqual(['orb', 'stigg', 'omise', 'polar', 'synctera']);
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.sandbox).toEqual({ port: 4010, seed: 42, people: 1000, faults: {}, url: null, webhookUrl: null });
    expect(config.webhookSecrets).toEqual({ orb: null, stigg: null, omise: null, polar: null, synctera: null });
    expect(config.cacheTtlMs).toEqual({ orb: 30000, stigg: 30000, omise: 30000, polar: 30000, synctera: 30000 });
    expect(config.http.timeouts).toEqual({ connectMs: 3000, headersMs: 5000, bodyMs: 5000 });
    expect(config.http.retry.retries).toBe(4);
    expect(config.concurrency).toBe(128);
    expect(config.http.pool).toEqual({ connectionsPerOrigin: 128, pipelining: 1, keepAliveTimeoutMs: 10_000 });
    expect(Object.values(config.rateLimits).every((limit) => limit.perSecond === null)).toBe(true);
  });

  it('reads webhook secrets, the sandbox webhook URL and cache TTLs per provider', () => {
    const config = loadConfig({ ORB_WEBHOOK_SECRET: ' s1 ', SANDBOX_WEBHOOK_URL: 'http://127.0.0.1:4000', POLAR_CACHE_TTL_MS: '0' });
    expect(config.webhookSecrets.orb).toBe('s1');
    expect(config.webhookSecrets.polar).toBeNull();
    expect(config.sandbox.webhookUrl).toBe('http://127.0.0.1:4000');
    expect(config.cacheTtlMs.polar).toBe(0);
    expect(config.cacheTtlMs.orb).toBe(30000);
    expect(() => loadConfig({ SANDBOX_WEBHOOK_URL: 'gateway', STIGG_CACHE_TTL_MS: '-1' })).toThrow(/SANDBOX_WEBHOOK_URL[\s\S]*STIGG_CACHE_TTL_MS|STIGG_CACHE_TTL_MS[\s\S]*SANDBOX_WEBHOOK_URL/);
  });

  it('treats blank values as unset', () => {
    const config = loadConfig({ PORT: '  ', ORB_API_KEY: '   ', SANDBOX_FAULTS: '' });
    expect(config.port).toBe(4000);
    expect(provider(config, 'orb')?.mode).toBe('SANDBOX');
    expect(config.sandbox.faults).toEqual({});
  });

  it('takes a provider live with its real base URL when its API key is set, leaving the others on the sandbox', () => {
    // AUTH=off: a live provider otherwise needs API_KEYS or JWT settings (tested in test/front-door/config.test.ts).
    const config = loadConfig({ ORB_API_KEY: ' orb_live_123 ', AUTH: 'off' });
    expect(provider(config, 'orb')).toEqual({ name: 'orb', mode: 'LIVE', baseUrl: 'https://api.withorb.com/v1', apiKey: 'orb_live_123' });
    for (const name of ['stigg', 'omise', 'polar', 'synctera']) expect(provider(config, name)?.mode).toBe('SANDBOX');
  });

  it('uses each live provider\'s own live base URL', () => {
    const env = Object.fromEntries(providerDefinitions.map((definition) => [`${definition.name.toUpperCase()}_API_KEY`, `key-${definition.name}`]));
    const config = loadConfig({ ...env, AUTH: 'off' });
    for (const definition of providerDefinitions) {
      expect(provider(config, definition.name)).toEqual({ name: definition.name, mode: 'LIVE', baseUrl: definition.liveBaseUrl, apiKey: `key-${definition.name}` });
    }
    expect(new Set(config.providers.map((entry) => entry.baseUrl)).size).toBe(5);
  });

  it('lets <NAME>_BASE_URL override the live base URL', () => {
    const config = loadConfig({ POLAR_API_KEY: 'polar_oat_1', POLAR_BASE_URL: 'https://sandbox-api.polar.sh', AUTH: 'off' });
    expect(provider(config, 'polar')).toEqual({ name: 'polar', mode: 'LIVE', baseUrl: 'https://sandbox-api.polar.sh', apiKey: 'polar_oat_1' });
  });

  it('reads the numeric and JSON settings', () => {
    const config = loadConfig({
      PORT: '8080', SANDBOX_PORT: '0', SANDBOX_SEED: '7', SANDBOX_PEOPLE: '25', HTTP_RETRIES: '0', HTTP_HEADERS_TIMEOUT_MS: '1500', PROVIDER_CONCURRENCY: '3',
      SANDBOX_FAULTS: '{"omise": {"errorRate": 0.2}}', HOST: '0.0.0.0',
    });
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', concurrency: 3, sandbox: { port: 0, seed: 7, people: 25, faults: { omise: { errorRate: 0.2 } } } });
    expect(config.http.retry.retries).toBe(0);
    expect(config.http.timeouts.headersMs).toBe(1500);
  });

  it('sets the concurrency ceiling to the HTTP pool size unless PROVIDER_CONCURRENCY says otherwise', () => {
    expect(loadConfig({ HTTP_CONNECTIONS_PER_ORIGIN: '256' })).toMatchObject({ concurrency: 256, http: { pool: { connectionsPerOrigin: 256 } } });
    expect(loadConfig({ HTTP_CONNECTIONS_PER_ORIGIN: '256', PROVIDER_CONCURRENCY: '32' })).toMatchObject({ concurrency: 32, http: { pool: { connectionsPerOrigin: 256 } } });
  });

  it('reports every problem at once in one ConfigError, each naming its variable', () => {
    const error = configError({
      STIGG_BASE_URL: 'https://api.stigg.io',
      OMISE_API_KEY: 'skey_test_1',
      OMISE_BASE_URL: 'not a url',
      PORT: 'eighty',
      SANDBOX_FAULTS: '{"omise": {"errorRate": 0.2',
      AUTH: 'off',
    });
    expect(error.problems).toHaveLength(4);
    const expected = [/STIGG_BASE_URL is set but STIGG_API_KEY is not/, /OMISE_BASE_URL is not a URL/, /PORT must be a whole number/, /SANDBOX_FAULTS must be JSON/];
    for (const pattern of expected) {
      expect(error.problems.filter((problem) => pattern.test(problem))).toHaveLength(1);
      expect(error.message).toMatch(pattern);
    }
  });

  it('checks SANDBOX_FAULTS as the admin endpoint does: a misspelt switch or an out-of-range rate is refused', () => {
    const error = configError({ SANDBOX_FAULTS: '{"omise": {"errorrate": 0.2}, "orb": {"errorRate": 5}, "acme": {}}' });
    expect(error.problems.join('\n')).toMatch(/SANDBOX_FAULTS: omise.errorrate: unknown switch/);
    expect(error.problems.join('\n')).toMatch(/SANDBOX_FAULTS: orb.errorRate: must be a number from 0 to 1/);
    expect(error.problems.join('\n')).toMatch(/SANDBOX_FAULTS: unknown provider "acme"/);
  });

  it.each([
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['SANDBOX_PEOPLE', '1.5'],
    ['HTTP_RETRIES', '11'],
    ['PROVIDER_CONCURRENCY', '0'],
  ])('refuses %s=%s as out of range or not whole', (name, value) => {
    const error = configError({ [name]: value });
    expect(error.problems).toEqual([expect.stringContaining(`${name} must be a whole number`)]);
    expect(error.problems[0]).toContain(`"${value}"`);
  });

  it('keeps API keys out of the error it reports', () => {
    const error = configError({ SYNCTERA_API_KEY: 'synctera-secret-9', SYNCTERA_BASE_URL: '::nope::', AUTH: 'off' });
    expect(error.problems).toEqual([expect.stringContaining('SYNCTERA_BASE_URL is not a URL')]);
    expect(error.message).not.toContain('synctera-secret-9');
  });
});
