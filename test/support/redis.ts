import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

/** A redis-server this test file started and controls: stop it mid-test, start it again on the same port. */
export interface OwnRedis {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

const HOW_TO = 'set REDIS_URL to a Redis the tests may write to, or put redis-server on the PATH (Debian: apt-get install redis-server)';

export function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Where the Redis suites run: `REDIS_URL` when set, else a redis-server of this file's own. Null when neither is
 * possible; the caller then says plainly that the suite was skipped, and under CI that is a failure.
 */
export function redisAvailability(): { url: string | null; canStartOwn: boolean; skipReason: string | null } {
  const url = process.env.REDIS_URL?.trim() || null;
  const canStartOwn = hasRedisServer();
  if (url !== null || canStartOwn) return { url, canStartOwn, skipReason: null };
  return { url: null, canStartOwn: false, skipReason: `Redis suite skipped: no REDIS_URL and no redis-server on the PATH. To run it, ${HOW_TO}.` };
}

/** True under CI, where a missing Redis must fail the run, never skip it. */
export const redisRequired = process.env.CI === 'true' || process.env.CI === '1';

/** A key prefix of one's own, so suites sharing one Redis (REDIS_URL) never see each other's keys. */
export function uniquePrefix(label: string): string {
  return `test:${label}:${randomUUID().slice(0, 8)}:`;
}

/** Starts redis-server on a free loopback port, with an append-only file so a restart keeps what was written. */
export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const directory = mkdtempSync(join(tmpdir(), 'customer-graph-redis-'));
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--dir', directory, '--daemonize', 'no', '--loglevel', 'warning'],
      { stdio: 'ignore' },
    );
    await waitForPort(port, 10_000);
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (running === null || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    stop,
    start,
    close: async () => {
      await stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      server.close(() => resolve(address.port));
    });
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' });
      socket.once('connect', () => {
        socket.write('PING\r\n');
      });
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('+PONG'));
      });
      socket.once('error', () => resolve(false));
    });
    if (ready) return;
    if (Date.now() > deadline) throw new Error(`redis-server did not start on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
