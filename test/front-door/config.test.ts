import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { configProblems as problems } from '../support/config';

const key = 'a-long-random-key-0123456789';
const hashed = `sha256:${createHash('sha256').update(key).digest('hex')}`;

describe('front-door configuration', () => {
  it('is open for development with every provider on the sandbox and nothing set', () => {
    const config = loadConfig({});
    expect(config.frontDoor).toMatchObject({ production: false, auth: { mode: 'open', apiKeys: [], jwt: null }, graphiql: true, introspection: true, corsOrigins: [], bodyLimitBytes: 1_048_576 });
    expect(config.frontDoor.limits).toEqual({ depth: 8, aliases: 15, tokens: 1000, directives: 50, cost: 5000, upstreamCalls: 200 });
  });

  it('refuses to start in production or with a live provider without API_KEYS or JWT settings, saying how to configure them', () => {
    for (const env of [{ NODE_ENV: 'production' }, { POLAR_API_KEY: 'polar_oat_1' }]) {
      const found = problems(env);
      expect(found, JSON.stringify(env)).toHaveLength(1);
      expect(found[0]).toMatch(/authentication is required[\s\S]*API_KEYS[\s\S]*JWT_JWKS_URL, JWT_ISSUER and JWT_AUDIENCE[\s\S]*AUTH=off/);
    }
    expect(loadConfig({ NODE_ENV: 'production', AUTH: 'off' }).frontDoor.auth.mode).toBe('off');
    expect(loadConfig({ NODE_ENV: 'production', API_KEYS: JSON.stringify([{ name: 'web', key: hashed, scopes: ['customers:read'] }]) }).frontDoor.auth.mode).toBe('required');
  });

  it('closes the gateway in any mode once API_KEYS or JWT settings are given; production turns GraphiQL and introspection off unless asked', () => {
    const config = loadConfig({ API_KEYS: JSON.stringify([{ name: 'web', key, scopes: ['customers:read'], requestsPerMinute: 60 }]) });
    expect(config.frontDoor.auth.mode).toBe('required');
    const [entry] = config.frontDoor.auth.apiKeys;
    expect(entry).toMatchObject({ name: 'web', scopes: ['customers:read'], requestsPerMinute: 60 });
    expect(entry!.digest.toString('hex')).toBe(hashed.slice('sha256:'.length));
    const jwt = loadConfig({ JWT_JWKS_URL: 'https://issuer.example/.well-known/jwks.json', JWT_ISSUER: 'https://issuer.example/', JWT_AUDIENCE: 'customer-graph' });
    expect(jwt.frontDoor.auth).toMatchObject({ mode: 'required', jwt: { audience: 'customer-graph' } });
    const production = loadConfig({ NODE_ENV: 'production', AUTH: 'off' }).frontDoor;
    expect(production).toMatchObject({ production: true, graphiql: false, introspection: false });
    expect(loadConfig({ NODE_ENV: 'production', AUTH: 'off', GRAPHIQL: 'on', INTROSPECTION: 'on' }).frontDoor).toMatchObject({ graphiql: true, introspection: true });
  });

  it('lists every problem with API_KEYS, JWT and CORS settings, never echoing a key', () => {
    const found = problems({
      API_KEYS: JSON.stringify([{ name: 'a', key: 'short-secret', scopes: ['customers:everything'] }, { name: '', key: 'sha256:abc', scopes: [] }]),
      JWT_ISSUER: 'https://issuer.example/',
      CORS_ORIGINS: 'https://ok.example, *, https://slash.example/',
      AUTH: 'maybe',
      CURSOR_SECRET: 'too-short',
      MAX_DEPTH: '0',
    });
    const text = found.join('\n');
    expect(text).toMatch(/API_KEYS\[0\]\.key must be at least 16 characters/);
    expect(text).toMatch(/API_KEYS\[0\]\.scopes must be a non-empty list/);
    expect(text).toMatch(/API_KEYS\[1\]\.name/);
    expect(text).toMatch(/API_KEYS\[1\]\.key starts with sha256: but is not followed by 64 hex digits/);
    expect(text).toMatch(/missing: JWT_JWKS_URL, JWT_AUDIENCE/);
    expect(text).toMatch(/CORS_ORIGINS: "\*" is not an origin/);
    expect(text).toMatch(/CORS_ORIGINS: "https:\/\/slash.example\/" is not an origin/);
    expect(text).toMatch(/AUTH may only be "off"/);
    expect(text).toMatch(/CURSOR_SECRET must be at least 32 characters/);
    expect(text).toMatch(/MAX_DEPTH must be a whole number/);
    expect(text).not.toContain('short-secret');
    expect(problems({ API_KEYS: '[{' })).toEqual([expect.stringMatching(/API_KEYS must be a JSON array/)]);
  });
});
