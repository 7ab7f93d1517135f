import type { Logger } from '../logger';
import { createMemoryState } from './memory/memory-state';
import { createRedisState } from './redis/redis-state';
import type { StateStore } from './state-port';
import type { StateSettings } from './state-settings';

/** The state store the settings ask for; `waitUntilConnected` is immediate for memory. */
export function createState(settings: StateSettings, logger: Logger): StateStore & { waitUntilConnected(timeoutMs: number): Promise<boolean> } {
  if (settings.redis === null) return { ...createMemoryState(), waitUntilConnected: async () => true };
  return createRedisState({ target: settings.redis, keyPrefix: settings.keyPrefix, logger });
}
