import { once } from 'node:events';
import { createServer, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { connect, createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { afterAll } from 'vitest';

/** Listens on a free loopback port; resolves with the server's origin, `http://127.0.0.1:<port>`. */
export async function listenOnLoopback(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Drops open connections (keep-alive, hung requests) and waits for the server to close. */
export function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Answers with `body` as JSON, with `status` and any extra headers: a scripted upstream's reply. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/**
 * A plain HTTP server on a free loopback port, answering with `handle`, closed after the file: an upstream each
 * test scripts. Call once at the top level, with `await`.
 */
export async function loopbackServer(handle: RequestListener): Promise<{ server: Server; origin: string }> {
  const server = createServer(handle);
  const origin = await listenOnLoopback(server);
  afterAll(() => closeServer(server));
  return { server, origin };
}

/**
 * A raw TCP peer on loopback that sends `answer` as soon as a client connects, and that client, connected: for
 * tests of what happens to an answer that has arrived but has not been read yet. `close` ends both.
 */
export async function answeringPeer(answer: string): Promise<{ socket: Socket; close: () => void }> {
  const server = createNetServer((peer) => peer.end(answer));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
  await once(socket, 'connect');
  return {
    socket,
    close: () => {
      socket.destroy();
      server.close();
    },
  };
}

/** Holds the event loop for `ms`, as a saturated gateway does. */
export function holdEventLoop(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}
