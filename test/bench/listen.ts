import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Serves a bench yardstick on a free loopback port, prints `listening <port>` (what `startChild` waits for), and
 * closes its connections and exits on SIGTERM.
 */
export function listenForBench(handler: RequestListener): void {
  const server = createServer(handler);
  server.listen(0, '127.0.0.1', () => console.log(`listening ${(server.address() as AddressInfo).port}`));
  process.on('SIGTERM', () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}
