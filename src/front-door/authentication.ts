import type { Plugin } from 'graphql-yoga';
import { findApiKey, type ApiKey } from './api-keys';
import type { BudgetStore } from '../state/state-port';
import { allScopes, isScope, type Caller, type Scope } from '../caller';

export interface JwtSettings {
  /** `JWT_JWKS_URL`: where the issuer publishes its signing keys. */
  jwksUrl: string;
  /** `JWT_ISSUER`: the `iss` every token must carry. */
  issuer: string;
  /** `JWT_AUDIENCE`: the `aud` every token must carry (this gateway). */
  audience: string;
}

/**
 * `open`: development on the embedded sandbox, everyone has every scope. `off`: `AUTH=off`, a router in front
 * authenticates. `required`: a key from `API_KEYS` or a JWT on every request.
 */
export interface AuthSettings {
  mode: 'open' | 'off' | 'required';
  apiKeys: readonly ApiKey[];
  jwt: JwtSettings | null;
}

const everyScope: ReadonlySet<Scope> = new Set(allScopes);
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** Callers established in `onRequest`, read when the context is built. */
export class CallerRegistry {
  private readonly byRequest = new WeakMap<Request, Caller>();
  set(request: Request, caller: Caller): void {
    this.byRequest.set(request, caller);
  }
  admitted(request: Request): boolean {
    return this.byRequest.has(request);
  }
  /**
   * The caller of a WebSocket subscription (no HTTP request passed `onRequest`): the mode's own caller when open
   * or off, else the API key in `connectionParams.authorization` or the upgrade request's Authorization header.
   * JWTs are verified over HTTP only.
   */
  fromConnection(authorization: unknown, settings: AuthSettings): Caller | undefined {
    if (settings.mode === 'open') return { kind: 'open', name: 'development', scopes: everyScope };
    if (settings.mode === 'off') return { kind: 'auth-off', name: 'unauthenticated (AUTH=off)', scopes: everyScope };
    const token = typeof authorization === 'string' ? bearerToken(authorization) : null;
    const key = token === null ? undefined : findApiKey(settings.apiKeys, token);
    return key === undefined ? undefined : { kind: 'api-key', name: key.name, scopes: new Set(key.scopes) };
  }
  /** The caller of a request: from its API key, else from its verified JWT payload, else the mode's own caller. */
  resolve(request: Request, settings: AuthSettings, jwtPayload: Record<string, unknown> | undefined): Caller | undefined {
    const known = this.byRequest.get(request);
    if (known !== undefined) return known;
    if (jwtPayload !== undefined) return callerFromJwt(jwtPayload);
    if (settings.mode === 'open') return { kind: 'open', name: 'development', scopes: everyScope };
    if (settings.mode === 'off') return { kind: 'auth-off', name: 'unauthenticated (AUTH=off)', scopes: everyScope };
    return undefined;
  }
}

/**
 * Who may call `/graphql`: a missing or unknown bearer token is 401, a key over its `requestsPerMinute` is 429
 * with Retry-After. A token shaped like a JWT is left to the JWT plugin to verify (a failed check is 401 there).
 * In `open` and `off` mode any Authorization header is ignored.
 */
export function authenticationPlugin(settings: AuthSettings, callers: CallerRegistry, graphqlEndpoint: string, budgets: BudgetStore): Plugin {
  return {
    onRequest: async ({ request, url, endResponse }) => {
      if (settings.mode !== 'required' || url.pathname !== graphqlEndpoint || request.method === 'OPTIONS') return;
      const token = bearerToken(request.headers.get('authorization'));
      if (token === null) return endResponse(unauthenticated('Send an API key or token: Authorization: Bearer <key>.'));
      const key = findApiKey(settings.apiKeys, token);
      if (key !== undefined) {
        if (key.requestsPerMinute !== null) {
          const refusal = await rateLimit(budgets, key);
          if (refusal !== null) return endResponse(refusal);
        }
        callers.set(request, { kind: 'api-key', name: key.name, scopes: new Set(key.scopes) });
        return;
      }
      if (settings.jwt !== null && JWT_SHAPE.test(token)) return;
      return endResponse(unauthenticated('The API key or token is not valid.'));
    },
  };
}

/** The token of `Authorization: Bearer <token>` (scheme case-insensitive), or null. */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer[ ]+([^ ]+)[ ]*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/**
 * `requestsPerMinute` as a token bucket holding a minute's worth, refilled evenly, kept in the state store so
 * every instance draws from the same bucket. A store that cannot answer refuses the request (503), never waves it through.
 */
async function rateLimit(budgets: BudgetStore, key: ApiKey): Promise<Response | null> {
  const perMinute = key.requestsPerMinute as number;
  try {
    const { granted, retryInMs } = await budgets.take(`api-key:${key.name}`, { capacity: perMinute, refillPerSecond: perMinute / 60 }, 1);
    return granted ? null : tooManyRequests(key, Math.max(1, Math.ceil(retryInMs / 1000)));
  } catch {
    return Response.json(
      { errors: [{ message: 'The request rate of this key cannot be checked right now; retry shortly.', extensions: { code: 'STATE_UNAVAILABLE' } }] },
      { status: 503, headers: { 'retry-after': '1' } },
    );
  }
}

function callerFromJwt(payload: Record<string, unknown>): Caller {
  const granted = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(isScope) : [];
  const subject = typeof payload.sub === 'string' ? payload.sub.slice(0, 100) : 'token';
  return { kind: 'jwt', name: subject, scopes: new Set(granted) };
}

function unauthenticated(message: string): Response {
  return Response.json(
    { errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] },
    { status: 401, headers: { 'www-authenticate': 'Bearer realm="customer-graph"' } },
  );
}

function tooManyRequests(key: ApiKey, retryAfterSeconds: number): Response {
  return Response.json(
    { errors: [{ message: `The key "${key.name}" is limited to ${key.requestsPerMinute} requests a minute; retry after ${retryAfterSeconds} s.`, extensions: { code: 'RATE_LIMITED', retryAfter: retryAfterSeconds } }] },
    { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } },
  );
}
