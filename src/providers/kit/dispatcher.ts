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

/**
 * One dispatcher per app: keep-alive pools per origin, explicit timeouts (undici's defaults are 300 s).
 * Adapters never touch the global dispatcher.
 */
export function createDispatcher(timeouts: HttpTimeouts, connectionsPerOrigin = 32): Agent {
  return new Agent({
    connections: connectionsPerOrigin,
    keepAliveTimeout: 10_000,
    keepAliveMaxTimeout: 60_000,
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
    connect: { timeout: timeouts.connectMs },
  });
}
