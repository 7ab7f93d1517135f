import { randomUUID } from 'node:crypto';
import type { BudgetStore } from '../state-port';

interface Bucket {
  tokens: number;
  updatedAt: number;
  pausedUntil: number;
}

/** Token buckets and slot pools in this process, with the same arithmetic as the shared store. */
export function createMemoryBudgets(now: () => number): BudgetStore {
  const buckets = new Map<string, Bucket>();
  const pools = new Map<string, Map<string, number>>();

  return {
    async take(name, rule, cost) {
      const time = now();
      const bucket = buckets.get(name) ?? { tokens: rule.capacity, updatedAt: time, pausedUntil: 0 };
      buckets.set(name, bucket);
      if (bucket.pausedUntil > time) return { granted: false, retryInMs: bucket.pausedUntil - time };
      bucket.tokens = Math.min(rule.capacity, bucket.tokens + ((time - bucket.updatedAt) / 1000) * rule.refillPerSecond);
      bucket.updatedAt = time;
      if (bucket.tokens >= cost) {
        bucket.tokens -= cost;
        return { granted: true, retryInMs: 0 };
      }
      return { granted: false, retryInMs: Math.ceil(((cost - bucket.tokens) / rule.refillPerSecond) * 1000) };
    },
    async pause(name, durationMs) {
      const time = now();
      const untilEpochMs = time + durationMs;
      const bucket = buckets.get(name) ?? { tokens: 0, updatedAt: time, pausedUntil: 0 };
      // The pause spends the bucket: when it ends, calls resume at the refill rate rather than in one burst.
      bucket.tokens = 0;
      bucket.updatedAt = Math.max(time, untilEpochMs);
      bucket.pausedUntil = Math.max(bucket.pausedUntil, untilEpochMs);
      buckets.set(name, bucket);
    },
    async acquireSlot(name, limit, leaseMs) {
      const time = now();
      const pool = pools.get(name) ?? new Map<string, number>();
      pools.set(name, pool);
      for (const [token, expiresAt] of pool) if (expiresAt <= time) pool.delete(token);
      if (pool.size >= limit) return null;
      const token = randomUUID();
      pool.set(token, time + leaseMs);
      return token;
    },
    async releaseSlot(name, token) {
      pools.get(name)?.delete(token);
    },
  };
}
