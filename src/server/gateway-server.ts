import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '../app';
import { InFlight } from './in-flight';

export interface GatewayServerOptions {
  port: number;
  host: string;
  /** How long in-flight requests may run once a shutdown starts. */
  graceMs: number;
  /** After the grace period, how long cut-off requests get to send their answer before sockets close. @default 2000 */
  answerWindowMs?: number;
}

export interface ShutdownReport {
  /** Requests running when the shutdown began. */
  inFlightAtStart: number;
  /** Requests still running at the grace end, whose upstream calls were cancelled. */
  cancelled: number;
  /** Requests whose answer was not sent before the sockets closed. */
  dropped: number;
}

export interface GatewayServer {
  server: Server;
  /** The port actually bound (the real one when asked for port 0). */
  port: number;
  url: string;
  /** Requests being answered right now. */
  readonly inFlight: number;
  /** Drains and closes: readiness false, new requests refused, in-flight ones finished or cut off, sockets closed. */
  shutdown(): Promise<ShutdownReport>;
}

// While draining, the probes still answer (readiness says 503) so orchestrators see why traffic should stop.
const probePaths = new Set(['/health', '/readiness']);

/** The gateway on a node:http server, with the drain that SIGTERM and SIGINT start. */
export async function startGatewayServer(app: App, options: GatewayServerOptions): Promise<GatewayServer> {
  const inFlight = new InFlight();
  const handle = app.yoga as unknown as (request: IncomingMessage, response: ServerResponse) => void;
  const server = createServer((request, response) => {
    if (app.lifecycle.draining && !probePaths.has(new URL(request.url ?? '/', 'http://gateway').pathname)) {
      refuse(response);
      return;
    }
    inFlight.track(response);
    handle(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;

  let shutdown: Promise<ShutdownReport> | null = null;
  return {
    server,
    port,
    url: `http://${host}:${port}`,
    get inFlight() {
      return inFlight.size;
    },
    shutdown: () => (shutdown ??= drain(app, server, inFlight, options)),
  };
}

async function drain(app: App, server: Server, inFlight: InFlight, options: GatewayServerOptions): Promise<ShutdownReport> {
  app.lifecycle.startDraining();
  const inFlightAtStart = inFlight.size;
  server.closeIdleConnections();
  let cancelled = 0;
  if (!(await inFlight.settled(options.graceMs))) {
    cancelled = inFlight.size;
    // Writes still running learn they were cut off; each caller gets an unknown outcome with its key.
    app.lifecycle.cancelInFlight();
    await inFlight.settled(options.answerWindowMs ?? 2000);
  }
  const dropped = inFlight.size;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
  return { inFlightAtStart, cancelled, dropped };
}

function refuse(response: ServerResponse): void {
  const body = JSON.stringify({ errors: [{ message: 'The gateway is shutting down; send the request again.', extensions: { code: 'SHUTTING_DOWN' } }] });
  response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1', connection: 'close' });
  response.end(body);
}
