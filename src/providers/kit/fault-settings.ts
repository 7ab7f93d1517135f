import { defaultBreakerOptions, type BreakerOptions } from './breaker';
import { ResilienceRegistry } from './resilience';
import type { RetryPolicy } from './retry';

/** How the gateway answers under faults: one deadline per request, short read attempts, hedging, breakers. */
export interface FaultSettings {
  /** Every request's deadline; all upstream calls, retries and waits fit in it. @default 5000 (env `REQUEST_DEADLINE_MS`) */
  deadlineMs: number;
  /** Ceiling of one read attempt. @default 1000 (env `PROVIDER_READ_TIMEOUT_MS`) */
  readTimeoutMs: number;
  /** Per-provider ceilings, e.g. `{ omise: 2000 }` (env `OMISE_READ_TIMEOUT_MS`, ...). */
  readTimeouts: Record<string, number>;
  /** @default true (env `PROVIDER_HEDGING=off` turns it off) */
  hedging: boolean;
  /** Share of the deadline left when a read call starts within which its retries must start. @default 0.5 (env `PROVIDER_RETRY_WINDOW`) */
  retryWindow: number;
  breaker: BreakerOptions;
}

export const defaultFaultSettings: FaultSettings = { deadlineMs: 5000, readTimeoutMs: 1000, readTimeouts: {}, hedging: true, retryWindow: 0.5, breaker: defaultBreakerOptions };

export function createResilience(settings: FaultSettings, retry: RetryPolicy): ResilienceRegistry {
  return new ResilienceRegistry((provider) => ({
    retry,
    breaker: settings.breaker,
    readTimeoutMs: settings.readTimeouts[provider] ?? settings.readTimeoutMs,
    hedging: settings.hedging,
    retryWindow: settings.retryWindow,
  }));
}
