import { Agent } from 'undici';

export interface HttpTimeouts {
  /** Time to open a TCP/TLS connection. @default 3000 (env `HTTP_CONNECT_TIMEOUT_MS`) */
  connectMs: number;
  /** Time from sending a request to receiving the response headers. @default 5000 (env `HTTP_HEADERS_TIMEOUT_MS`) */
  headersMs: number;
  /** Longest silence while the body streams in. @default 5000 (env `HTTP_BODY_TIMEOUT_MS`) */
  bodyMs: number;
}

export const defaultTimeouts: HttpTimeouts = { connectMs: 3000, headersMs: 5000, bodyMs: 5000 };

/** How many sockets to each provider, and how they are used. Chosen from `npm run bench` (see the README). */
export interface HttpPool {
  /** Sockets per origin; more wait in undici's queue. @default 128 (env `HTTP_CONNECTIONS_PER_ORIGIN`) */
  connectionsPerOrigin: number;
  /** Requests in flight on one socket. 1 (off) by default: one slow answer would hold up the ones behind it. @default 1 (env `HTTP_PIPELINING`) */
  pipelining: number;
  /** Idle time before a kept-alive socket is closed (a server's shorter hint wins). @default 10000 (env `HTTP_KEEP_ALIVE_TIMEOUT_MS`) */
  keepAliveTimeoutMs: number;
}

export const defaultPool: HttpPool = { connectionsPerOrigin: 128, pipelining: 1, keepAliveTimeoutMs: 10_000 };

/**
 * One dispatcher per app: keep-alive pools per origin, explicit timeouts (undici's defaults are 300 s).
 * Adapters never touch the global dispatcher.
 */
export function createDispatcher(timeouts: HttpTimeouts, pool: HttpPool = defaultPool): Agent {
  return new Agent({
    connections: pool.connectionsPerOrigin,
    pipelining: pool.pipelining,
    keepAliveTimeout: pool.keepAliveTimeoutMs,
    keepAliveMaxTimeout: 60_000,
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
    connect: { timeout: timeouts.connectMs },
  });
}
