import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { silentLogger } from '../../src/logger';
import { freePort } from './free-port';
import { createRedisState, type RedisState } from '../../src/state/redis/redis-state';

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

/** What a Redis suite's body gets: the URL of the Redis it runs against, and the server itself when it is its own. */
export interface RedisSuite {
  readonly url: string;
  /** The redis-server this suite started (to stop and start it mid-test); null when it runs against `REDIS_URL`. */
  readonly own: OwnRedis | null;
}

/**
 * Declares a suite that needs a real Redis: `REDIS_URL` when set, else a redis-server of its own on a free port,
 * stopped after the suite. Where neither can be had it says so plainly and skips, except under CI, where a missing
 * Redis is a failing test instead. The body's own `afterAll` hooks run before the server stops.
 */
export function describeWithRedis(suiteName: string, title: string, body: (redis: RedisSuite) => void): void {
  const availability = redisAvailability();
  if (availability.skipReason !== null) {
    const reason = availability.skipReason.replace('Redis suite', suiteName);
    console.warn(reason);
    if (redisRequired) {
      describe(`Redis under CI (${suiteName})`, () => {
        it('is available', () => {
          throw new Error(`CI=true needs a Redis: ${reason}`);
        });
      });
    }
    describe.skip(title, () => body({ url: '', own: null }));
    return;
  }
  describe(title, () => {
    let own: OwnRedis | null = null;
    let url = availability.url;
    beforeAll(async () => {
      if (url === null) {
        own = await startOwnRedis();
        url = own.url;
      }
    });
    afterAll(async () => {
      await own?.close();
    });
    body({
      get url() {
        if (url === null) throw new Error('the Redis URL is known once the suite has started');
        return url;
      },
      get own() {
        return own;
      },
    });
  });
}

/** A connected Redis state store under its own key prefix, as a gateway instance would have. */
export async function connectRedisState(url: string, keyPrefix: string): Promise<RedisState> {
  const state = createRedisState({ target: { url, sentinels: null, sentinelName: null, clusterNodes: null, options: {} }, keyPrefix, logger: silentLogger });
  await state.waitUntilConnected(10_000);
  return state;
}
