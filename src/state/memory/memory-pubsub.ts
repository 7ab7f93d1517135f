import type { PubSub } from '../state-port';

/** Messages within this process. Listeners run after the publisher's turn, as they would over a network. */
export function createMemoryPubSub(): PubSub {
  const channels = new Map<string, Set<(message: string) => void>>();
  return {
    async publish(channel, message) {
      for (const listener of [...(channels.get(channel) ?? [])]) {
        queueMicrotask(() => listener(message));
      }
    },
    async subscribe(channel, listener) {
      const listeners = channels.get(channel) ?? new Set();
      channels.set(channel, listeners);
      // A listener subscribed twice gets each message twice, as with two Redis subscriptions.
      const subscription = (message: string) => listener(message);
      listeners.add(subscription);
      return async () => {
        listeners.delete(subscription);
        if (listeners.size === 0) channels.delete(channel);
      };
    },
  };
}
