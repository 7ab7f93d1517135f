import type { Logger } from '../../logger';
import type { StateStore } from '../state-port';
import { createRedisBudgets } from './redis-budgets';
import { RedisConnection, type RedisTarget } from './redis-connection';
import { createRedisIdentity } from './redis-identity';
import { RedisKeys } from './redis-keys';
import { createRedisLedger } from './redis-ledger';
import { createRedisLocks } from './redis-locks';
import { createRedisValues } from './redis-values';

export interface RedisStateOptions {
  target: RedisTarget;
  /** Put before every key and channel, so deployments can share a Redis. @default 'customer-graph:' */
  keyPrefix?: string;
  /** @default 2000 */
  commandTimeoutMs?: number;
  logger: Logger;
}

export interface RedisState extends StateStore {
  /** Settles once connected or after `timeoutMs` (false: it keeps trying in the background). */
  waitUntilConnected(timeoutMs: number): Promise<boolean>;
}

/** State shared by every instance pointed at the same Redis (and prefix). */
export function createRedisState(options: RedisStateOptions): RedisState {
  const connection = new RedisConnection({ target: options.target, commandTimeoutMs: options.commandTimeoutMs, logger: options.logger });
  const keys = new RedisKeys(options.keyPrefix ?? 'customer-graph:');
  const health = async () => ({ ...(await connection.health()), backend: 'redis' as const });
  return {
    backend: 'redis',
    shared: true,
    ledger: createRedisLedger(connection, keys),
    identity: createRedisIdentity(connection, keys),
    locks: createRedisLocks(connection, keys),
    budgets: createRedisBudgets(connection, keys),
    values: createRedisValues(connection, keys),
    pubsub: {
      publish: (channel, message) => connection.publish(keys.channel(channel), message),
      subscribe: (channel, listener) => connection.subscribe(keys.channel(channel), listener),
    },
    health,
    ready: async () => (await health()).ok,
    waitUntilConnected: (timeoutMs) => connection.waitUntilConnected(timeoutMs),
    close: () => connection.close(),
  };
}
