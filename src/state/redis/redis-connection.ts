import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import type { Logger } from '../../logger';
import { StateUnavailableError } from '../state-errors';
import * as scripts from './redis-scripts';

export type ScriptName = 'ledgerClaim' | 'ledgerRenew' | 'ledgerFinish' | 'ledgerRelease' | 'identityRecord' | 'lockExtend' | 'lockRelease' | 'bucketTake' | 'bucketPause' | 'slotAcquire';

const scriptKeys: Record<ScriptName, number> = {
  ledgerClaim: 1,
  ledgerRenew: 1,
  ledgerFinish: 1,
  ledgerRelease: 1,
  identityRecord: 2,
  lockExtend: 1,
  lockRelease: 1,
  bucketTake: 1,
  bucketPause: 1,
  slotAcquire: 1,
};

/** Where Redis is: one server by URL, a Sentinel group, or Cluster nodes; `options` are ioredis's own. */
export interface RedisTarget {
  url: string | null;
  sentinels: { host: string; port: number }[] | null;
  sentinelName: string | null;
  clusterNodes: { host: string; port: number }[] | null;
  /** Extra ioredis options (password, tls, db, natMap…); for a Cluster, its `redisOptions`. */
  options: Record<string, unknown>;
}

export interface RedisConnectionOptions {
  target: RedisTarget;
  /** A command that gets no answer in this time fails as STATE_UNAVAILABLE. @default 2000 */
  commandTimeoutMs?: number;
  logger: Logger;
}

type Client = Redis | Cluster;

/**
 * One command connection and one subscriber connection. Commands never queue while Redis is away (they fail at
 * once as STATE_UNAVAILABLE, so a write is refused rather than left hanging); the connections reconnect by
 * themselves, forever, and say so in the log.
 */
export class RedisConnection {
  readonly client: Client;
  private subscriberClient: Client | null = null;
  private readonly listeners = new Map<string, Set<(message: string) => void>>();
  private up = false;
  private lastProblem = 'not connected yet';
  private closed = false;

  constructor(private readonly options: RedisConnectionOptions) {
    this.client = connect(options.target, { enableOfflineQueue: false, commandTimeout: options.commandTimeoutMs ?? 2000 });
    for (const [name, keys] of Object.entries(scriptKeys)) this.client.defineCommand(name, { numberOfKeys: keys, lua: scripts[name as ScriptName] });
    this.watch(this.client, 'Redis');
  }

  /** Settles once connected, or after `timeoutMs` (false: still trying in the background). */
  waitUntilConnected(timeoutMs: number): Promise<boolean> {
    if (this.client.status === 'ready') return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (connected: boolean) => {
        clearTimeout(timer);
        this.client.off('ready', onReady);
        resolve(connected);
      };
      const onReady = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.client.on('ready', onReady);
    });
  }

  /** Runs commands, turning every failure to reach Redis into StateUnavailableError. */
  async run<T>(operation: (client: Client) => Promise<T>): Promise<T> {
    if (this.closed) throw new StateUnavailableError('the state store is closed');
    if (this.client.status !== 'ready') throw new StateUnavailableError(`the shared state store (Redis) is unavailable: ${this.lastProblem}; retry shortly`);
    try {
      return await operation(this.client);
    } catch (error) {
      throw unavailable(error);
    }
  }

  script(name: ScriptName, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    return this.run((client) => (client as unknown as Record<string, (...items: (string | number)[]) => Promise<unknown>>)[name]!(...keys, ...args));
  }

  async publish(channel: string, message: string): Promise<void> {
    await this.run((client) => client.publish(channel, message));
  }

  /** Subscriptions survive reconnects (ioredis subscribes again); one Redis subscription per channel. */
  async subscribe(channel: string, listener: (message: string) => void): Promise<() => Promise<void>> {
    const subscriber = this.subscriber();
    let listeners = this.listeners.get(channel);
    if (listeners === undefined) {
      listeners = new Set();
      this.listeners.set(channel, listeners);
      try {
        await withTimeout(subscriber.subscribe(channel), this.options.commandTimeoutMs ?? 2000);
      } catch (error) {
        this.listeners.delete(channel);
        throw unavailable(error);
      }
    }
    const subscription = (message: string) => listener(message);
    listeners.add(subscription);
    return async () => {
      const current = this.listeners.get(channel);
      current?.delete(subscription);
      if (current === undefined || current.size > 0) return;
      this.listeners.delete(channel);
      await subscriber.unsubscribe(channel).catch(() => undefined);
    };
  }

  async health(): Promise<{ ok: boolean; detail: string }> {
    if (this.client.status !== 'ready') return { ok: false, detail: `redis unavailable: ${this.lastProblem}` };
    try {
      await this.run((client) => client.ping());
      return { ok: true, detail: 'redis reachable' };
    } catch (error) {
      return { ok: false, detail: `redis unavailable: ${describe(error)}` };
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([this.client, this.subscriberClient].map((client) => client?.quit().catch(() => client.disconnect())));
  }

  private subscriber(): Client {
    if (this.subscriberClient === null) {
      // Subscribing may wait for a reconnect: this connection queues, the command connection never does.
      this.subscriberClient = connect(this.options.target, { enableOfflineQueue: true, commandTimeout: undefined });
      this.subscriberClient.on('message', (channel: string, message: string) => {
        for (const listener of [...(this.listeners.get(channel) ?? [])]) listener(message);
      });
      this.subscriberClient.on('error', () => undefined);
    }
    return this.subscriberClient;
  }

  private watch(client: Client, name: string): void {
    const logger = this.options.logger;
    let everConnected = false;
    let reportedDown = false;
    client.on('ready', () => {
      this.up = true;
      if (!everConnected) logger.info(`state: ${name} connected`);
      else logger.info(`state: ${name} connection restored; shared state is back`);
      everConnected = true;
      reportedDown = false;
    });
    // ioredis reports each failed attempt; the log says it once per outage.
    client.on('error', (error: unknown) => {
      this.lastProblem = describe(error);
      if (reportedDown || this.closed) return;
      reportedDown = true;
      logger.warn(`state: ${name} unreachable (${this.lastProblem}); reconnecting by itself. Meanwhile writes with an idempotencyKey are refused with STATE_UNAVAILABLE`);
    });
    client.on('close', () => {
      if (this.closed || !this.up) return;
      this.up = false;
      this.lastProblem = 'connection lost';
      if (reportedDown) return;
      reportedDown = true;
      logger.warn(`state: ${name} connection lost; reconnecting by itself. Meanwhile writes with an idempotencyKey are refused with STATE_UNAVAILABLE`);
    });
  }
}

function connect(target: RedisTarget, overrides: { enableOfflineQueue: boolean; commandTimeout: number | undefined }): Client {
  const common: RedisOptions = {
    enableOfflineQueue: overrides.enableOfflineQueue,
    commandTimeout: overrides.commandTimeout,
    maxRetriesPerRequest: overrides.enableOfflineQueue ? null : 0,
    connectTimeout: 3000,
    // Reconnect forever, backing off to one attempt every two seconds.
    retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
    enableAutoPipelining: true,
    ...(target.options as RedisOptions),
  };
  if (target.clusterNodes !== null) {
    const clusterOptions: ClusterOptions = {
      enableOfflineQueue: overrides.enableOfflineQueue,
      enableAutoPipelining: true,
      clusterRetryStrategy: (attempt) => Math.min(attempt * 100, 2000),
      redisOptions: common,
    };
    return new Cluster(target.clusterNodes, clusterOptions);
  }
  if (target.sentinels !== null) return new Redis({ ...common, sentinels: target.sentinels, name: target.sentinelName ?? 'mymaster' });
  return new Redis(target.url as string, common);
}

function describe(error: unknown): string {
  const failure = error as { code?: unknown; message?: unknown };
  if (typeof failure?.code === 'string') return failure.code;
  return typeof failure?.message === 'string' ? failure.message.slice(0, 200) : 'unknown error';
}

function unavailable(error: unknown): StateUnavailableError {
  if (error instanceof StateUnavailableError) return error;
  return new StateUnavailableError(`the shared state store (Redis) is unavailable: ${describe(error)}; retry shortly`, { cause: error });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
