import type { RedisTarget } from './redis/redis-connection';

export interface StateSettings {
  /** Null: this process's memory (one instance). */
  redis: RedisTarget | null;
  /** @default 'customer-graph:' (env `REDIS_KEY_PREFIX`) */
  keyPrefix: string;
}

export interface StateEnvironment {
  REDIS_URL?: string;
  REDIS_SENTINELS?: string;
  REDIS_SENTINEL_NAME?: string;
  REDIS_CLUSTER_NODES?: string;
  REDIS_OPTIONS?: string;
  REDIS_KEY_PREFIX?: string;
}

/**
 * Where shared state lives, from the `REDIS_*` variables: one Redis by URL, a Sentinel group, or Cluster nodes,
 * plus ioredis's own options as JSON. Problems are added to `problems`; values are never echoed back, since a
 * URL or the options may carry a password.
 */
export function readStateSettings(env: StateEnvironment, problems: string[]): StateSettings {
  const text = (value: string | undefined) => (value === undefined || value.trim() === '' ? null : value.trim());
  const url = text(env.REDIS_URL);
  const sentinels = text(env.REDIS_SENTINELS);
  const clusterNodes = text(env.REDIS_CLUSTER_NODES);
  const optionsText = text(env.REDIS_OPTIONS);
  const keyPrefix = env.REDIS_KEY_PREFIX ?? 'customer-graph:';

  const chosen = [url, sentinels, clusterNodes].filter((value) => value !== null).length;
  if (chosen > 1) problems.push('set only one of REDIS_URL, REDIS_SENTINELS and REDIS_CLUSTER_NODES');
  if (chosen === 0) {
    if (optionsText !== null) problems.push('REDIS_OPTIONS is set but no Redis is: set REDIS_URL, REDIS_SENTINELS or REDIS_CLUSTER_NODES');
    if (text(env.REDIS_SENTINEL_NAME) !== null) problems.push('REDIS_SENTINEL_NAME is set but REDIS_SENTINELS is not');
    return { redis: null, keyPrefix };
  }

  if (url !== null) {
    let protocol: string | null = null;
    try {
      protocol = new URL(url).protocol;
    } catch {
      protocol = null;
    }
    if (protocol !== 'redis:' && protocol !== 'rediss:') problems.push('REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379 (value not shown: it may hold a password)');
  }
  let options: Record<string, unknown> = {};
  if (optionsText !== null) {
    try {
      const parsed: unknown = JSON.parse(optionsText);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      options = parsed as Record<string, unknown>;
    } catch {
      problems.push('REDIS_OPTIONS must be a JSON object of ioredis options, e.g. {"password": "…", "tls": {}} (value not shown)');
    }
  }
  if (keyPrefix.trim() === '') problems.push('REDIS_KEY_PREFIX must not be empty: it keeps this deployment’s keys apart from others in the same Redis');
  return {
    redis: {
      url,
      sentinels: sentinels === null ? null : hostList('REDIS_SENTINELS', sentinels, 26379, problems),
      sentinelName: text(env.REDIS_SENTINEL_NAME) ?? (sentinels === null ? null : 'mymaster'),
      clusterNodes: clusterNodes === null ? null : hostList('REDIS_CLUSTER_NODES', clusterNodes, 6379, problems),
      options,
    },
    keyPrefix,
  };
}

function hostList(name: string, value: string, defaultPort: number, problems: string[]): { host: string; port: number }[] {
  return value.split(',').map((item) => {
    const [host, port] = item.trim().split(':');
    const number = port === undefined ? defaultPort : Number(port);
    if (!host || !Number.isInteger(number) || number < 1 || number > 65535) problems.push(`${name} must be host:port pairs separated by commas (got "${item.trim()}")`);
    return { host: host ?? '', port: number };
  });
}
