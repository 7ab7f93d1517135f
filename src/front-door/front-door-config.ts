import { sha256, type ApiKey } from './api-keys';
import type { AuthSettings, JwtSettings } from './authentication';
import { defaultLimits, type OperationLimits } from './options';
import { allScopes, isScope } from '../caller';

/**
 * Readers of the front door's settings, given the raw environment text by `src/config.ts` (the only reader of the
 * environment). Each adds what is wrong to `problems` in words an operator can act on, never echoing a key.
 */

const SHA256_KEY = /^sha256:([0-9a-f]{64})$/i;
const MIN_PLAINTEXT_KEY = 16;

/** `API_KEYS`: `[{"name","key","scopes","requestsPerMinute"?}]`, `key` the secret itself or `sha256:<hex>` of it. */
export function parseApiKeys(text: string | undefined, problems: string[]): ApiKey[] {
  if (text === undefined || text.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    problems.push('API_KEYS must be a JSON array, e.g. [{"name":"web","key":"sha256:<hex>","scopes":["customers:read"]}] (it is not valid JSON)');
    return [];
  }
  if (!Array.isArray(parsed) || parsed.length === 0) {
    problems.push('API_KEYS must be a non-empty JSON array of {"name","key","scopes","requestsPerMinute"?}');
    return [];
  }
  const keys: ApiKey[] = [];
  parsed.forEach((entry: unknown, index) => {
    const where = `API_KEYS[${index}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(`${where} must be an object with name, key and scopes`);
      return;
    }
    const fields = entry as Record<string, unknown>;
    const unknown = Object.keys(fields).filter((field) => !['name', 'key', 'scopes', 'requestsPerMinute'].includes(field));
    if (unknown.length > 0) problems.push(`${where} has unknown fields: ${unknown.join(', ')}`);
    const name = typeof fields.name === 'string' ? fields.name.trim() : '';
    if (name === '' || name.length > 100 || !/^[\x20-\x7e]+$/.test(name)) problems.push(`${where}.name must be printable text of 1 to 100 characters`);
    const digest = keyDigest(fields.key, `${where}.key`, problems);
    const scopes = Array.isArray(fields.scopes) ? fields.scopes : [];
    if (scopes.length === 0 || !scopes.every(isScope)) problems.push(`${where}.scopes must be a non-empty list of ${allScopes.join(', ')}`);
    const perMinute = fields.requestsPerMinute;
    if (perMinute !== undefined && perMinute !== null && !(Number.isInteger(perMinute) && (perMinute as number) >= 1 && (perMinute as number) <= 1_000_000)) {
      problems.push(`${where}.requestsPerMinute must be a whole number from 1 to 1000000`);
    }
    if (digest === null) return;
    if (keys.some((key) => key.name === name)) problems.push(`${where}.name "${name}" is used twice`);
    if (keys.some((key) => key.digest.equals(digest))) problems.push(`${where}.key is the same key as an earlier entry`);
    keys.push({ name, digest, scopes: scopes.filter(isScope), requestsPerMinute: typeof perMinute === 'number' ? perMinute : null });
  });
  return keys;
}

function keyDigest(key: unknown, where: string, problems: string[]): Buffer | null {
  if (typeof key !== 'string' || key.trim() === '') {
    problems.push(`${where} must be the key, or sha256:<64 hex digits> of it`);
    return null;
  }
  const hashed = SHA256_KEY.exec(key);
  if (hashed !== null) return Buffer.from(hashed[1] as string, 'hex');
  if (key.toLowerCase().startsWith('sha256:')) {
    problems.push(`${where} starts with sha256: but is not followed by 64 hex digits`);
    return null;
  }
  if (key.length < MIN_PLAINTEXT_KEY || /\s/.test(key)) {
    problems.push(`${where} must be at least ${MIN_PLAINTEXT_KEY} characters without spaces (a long random string), or sha256:<hex> of one`);
    return null;
  }
  return sha256(key);
}

/** `JWT_JWKS_URL`, `JWT_ISSUER`, `JWT_AUDIENCE`: all three or none (a token checked without its audience is anyone's). */
export function parseJwt(jwksUrl: string | undefined, issuer: string | undefined, audience: string | undefined, problems: string[]): JwtSettings | null {
  const given = { JWT_JWKS_URL: jwksUrl?.trim() ?? '', JWT_ISSUER: issuer?.trim() ?? '', JWT_AUDIENCE: audience?.trim() ?? '' };
  const missing = Object.entries(given).filter(([, value]) => value === '').map(([name]) => name);
  if (missing.length === 3) return null;
  if (missing.length > 0) {
    problems.push(`JWT settings need all of JWT_JWKS_URL, JWT_ISSUER and JWT_AUDIENCE (missing: ${missing.join(', ')})`);
    return null;
  }
  try {
    const url = new URL(given.JWT_JWKS_URL);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http');
  } catch {
    problems.push(`JWT_JWKS_URL is not an http(s) URL (got "${given.JWT_JWKS_URL}")`);
    return null;
  }
  return { jwksUrl: given.JWT_JWKS_URL, issuer: given.JWT_ISSUER, audience: given.JWT_AUDIENCE };
}

/** `CORS_ORIGINS`: comma-separated origins such as `https://app.example.com`; `*` is refused (name each one). */
export function parseCorsOrigins(text: string | undefined, problems: string[]): string[] {
  if (text === undefined || text.trim() === '') return [];
  const origins: string[] = [];
  for (const part of text.split(',').map((origin) => origin.trim()).filter((origin) => origin !== '')) {
    let origin: string | null = null;
    try {
      origin = new URL(part).origin;
    } catch {
      origin = null;
    }
    if (origin === null || origin === 'null' || origin !== part) {
      problems.push(`CORS_ORIGINS: "${part}" is not an origin (scheme://host[:port], no path or trailing slash; "*" is not allowed)`);
    } else {
      origins.push(origin);
    }
  }
  return origins;
}

/** The front door as configured; `trustedDocumentsFile` is read, and a missing `cursorSecret` generated, at start-up. */
export interface FrontDoorSettings {
  production: boolean;
  auth: AuthSettings;
  limits: OperationLimits;
  corsOrigins: string[];
  bodyLimitBytes: number;
  graphiql: boolean;
  introspection: boolean;
  trustedDocumentsFile: string | null;
  cursorSecret: string | null;
}

type Environment = Record<string, string | undefined>;

/** Reads every front-door variable (given by `src/config.ts`); `anyLive` says whether some provider runs live. */
export function readFrontDoorSettings(env: Environment, problems: string[], anyLive: boolean): FrontDoorSettings {
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const text = env[name]?.trim();
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${text}")`);
      return fallback;
    }
    return value;
  };
  const onOff = (name: string, fallback: boolean): boolean => {
    const text = env[name]?.trim().toLowerCase();
    if (text === undefined || text === '') return fallback;
    if (text === 'on') return true;
    if (text === 'off') return false;
    problems.push(`${name} must be on or off (got "${env[name]}")`);
    return fallback;
  };
  const production = env.NODE_ENV?.trim() === 'production';
  const apiKeys = parseApiKeys(env.API_KEYS, problems);
  const jwt = parseJwt(env.JWT_JWKS_URL, env.JWT_ISSUER, env.JWT_AUDIENCE, problems);
  const authText = env.AUTH?.trim().toLowerCase();
  if (authText !== undefined && authText !== '' && authText !== 'off') problems.push(`AUTH may only be "off" (got "${env.AUTH}"); leave it unset to require API_KEYS or JWT settings`);
  const authOff = authText === 'off';
  const closed = apiKeys.length > 0 || jwt !== null;
  let mode: AuthSettings['mode'] = closed ? 'required' : authOff ? 'off' : 'open';
  if (closed && authOff) problems.push('AUTH=off cannot be combined with API_KEYS or JWT settings: choose one');
  if (mode === 'open' && (production || anyLive)) {
    const why = production ? 'NODE_ENV=production' : 'a provider runs live';
    problems.push(
      `authentication is required because ${why}: set API_KEYS, e.g. API_KEYS='[{"name":"web","key":"sha256:<sha256 hex of the key>","scopes":["customers:read"]}]', ` +
        'or JWT_JWKS_URL, JWT_ISSUER and JWT_AUDIENCE; or AUTH=off when a router in front authenticates every request',
    );
    mode = 'required';
  }
  const cursorSecret = env.CURSOR_SECRET?.trim() || null;
  if (cursorSecret !== null && cursorSecret.length < 32) problems.push('CURSOR_SECRET must be at least 32 characters (a long random string shared by every instance)');
  return {
    production,
    auth: { mode, apiKeys, jwt },
    limits: {
      depth: integer('MAX_DEPTH', defaultLimits.depth, 1, 100),
      aliases: integer('MAX_ALIASES', defaultLimits.aliases, 0, 10_000),
      tokens: integer('MAX_TOKENS', defaultLimits.tokens, 10, 1_000_000),
      directives: integer('MAX_DIRECTIVES', defaultLimits.directives, 0, 10_000),
      cost: integer('MAX_COST', defaultLimits.cost, 1, 100_000_000),
      upstreamCalls: integer('UPSTREAM_CALL_BUDGET', defaultLimits.upstreamCalls, 1, 100_000),
    },
    corsOrigins: parseCorsOrigins(env.CORS_ORIGINS, problems),
    bodyLimitBytes: integer('BODY_LIMIT_BYTES', 1_048_576, 1024, 104_857_600),
    graphiql: onOff('GRAPHIQL', !production),
    introspection: onOff('INTROSPECTION', !production),
    trustedDocumentsFile: env.TRUSTED_DOCUMENTS?.trim() || null,
    cursorSecret,
  };
}
