import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { configError } from '../support/config';

const problems = (env: NodeJS.ProcessEnv): string[] => configError(env).problems;

describe('shared state settings', () => {
  it('keeps state in memory when no Redis is named', () => {
    expect(loadConfig({}).state).toEqual({ redis: null, keyPrefix: 'customer-graph:' });
  });

  it('reads one Redis by URL, with ioredis options and a key prefix', () => {
    const { state } = loadConfig({ REDIS_URL: ' redis://:secret@10.0.0.5:6380/2 ', REDIS_OPTIONS: '{"tls": {}}', REDIS_KEY_PREFIX: 'staging:' });
    expect(state).toEqual({
      redis: { url: 'redis://:secret@10.0.0.5:6380/2', sentinels: null, sentinelName: null, clusterNodes: null, options: { tls: {} } },
      keyPrefix: 'staging:',
    });
  });

  it('reads a Sentinel group and Cluster nodes, with default ports', () => {
    expect(loadConfig({ REDIS_SENTINELS: 's1:26380, s2', REDIS_SENTINEL_NAME: 'billing' }).state.redis).toMatchObject({
      sentinels: [
        { host: 's1', port: 26380 },
        { host: 's2', port: 26379 },
      ],
      sentinelName: 'billing',
    });
    expect(loadConfig({ REDIS_SENTINELS: 's1' }).state.redis?.sentinelName).toBe('mymaster');
    expect(loadConfig({ REDIS_CLUSTER_NODES: 'n1:7000,n2:7001' }).state.redis?.clusterNodes).toEqual([
      { host: 'n1', port: 7000 },
      { host: 'n2', port: 7001 },
    ]);
  });

  it('lists every problem without echoing a value that may hold a password', () => {
    const found = problems({ REDIS_URL: 'http://:hunter2@cache:6379', REDIS_CLUSTER_NODES: 'n1:notaport', REDIS_OPTIONS: '{"password": "hunter2"' });
    expect(found).toEqual([
      'set only one of REDIS_URL, REDIS_SENTINELS and REDIS_CLUSTER_NODES',
      expect.stringContaining('REDIS_URL must be a redis:// or rediss:// URL'),
      expect.stringContaining('REDIS_OPTIONS must be a JSON object'),
      expect.stringContaining('REDIS_CLUSTER_NODES must be host:port pairs'),
    ]);
    expect(found.join('\n')).not.toContain('hunter2');
    expect(problems({ REDIS_OPTIONS: '{}' })).toEqual([expect.stringContaining('REDIS_OPTIONS is set but no Redis is')]);
    expect(problems({ REDIS_URL: 'redis://cache', REDIS_KEY_PREFIX: ' ' })).toEqual([expect.stringContaining('REDIS_KEY_PREFIX must not be empty')]);
  });
});
