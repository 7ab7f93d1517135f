import type { Random } from './random';

/** Switches for one provider. Rates are probabilities from 0 to 1. */
export interface ProviderFaults {
  /** Added latency: a fixed number of milliseconds, or a `[min, max]` range. */
  latencyMs?: number | [number, number];
  /** Share of requests answered with `errorStatus` (default 503) instead of being handled. */
  errorRate?: number;
  errorStatus?: number;
  /** Share of requests answered 429 with `Retry-After: retryAfterSeconds` (default 1). */
  rateLimitRate?: number;
  retryAfterSeconds?: number;
  /**
   * The provider's own rate limit, enforced: a token bucket of `rateLimitBurst` (default one second's worth)
   * refilled at this many requests per second. Beyond it, 429 in the provider's shape, Retry-After where it sends one.
   */
  rateLimitPerSecond?: number;
  rateLimitBurst?: number;
  /** Share of requests that never get an answer (the client's timeout must fire). */
  hangRate?: number;
  /** Share of successful responses whose JSON body is cut short. */
  malformedRate?: number;
}

export type FaultConfig = Record<string, ProviderFaults>;

const RATE_FIELDS = ['errorRate', 'rateLimitRate', 'hangRate', 'malformedRate'] as const;
const KNOWN_FIELDS = new Set<string>(['latencyMs', 'errorStatus', 'retryAfterSeconds', 'rateLimitPerSecond', 'rateLimitBurst', ...RATE_FIELDS]);

/** Checks a fault configuration; returns the list of problems (empty when valid). */
export function validateFaults(config: unknown, providers: readonly string[]): string[] {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return ['the body must be a JSON object keyed by provider'];
  const problems: string[] = [];
  for (const [provider, value] of Object.entries(config)) {
    if (!providers.includes(provider)) {
      problems.push(`unknown provider "${provider}" (known: ${providers.join(', ')})`);
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push(`${provider}: must be an object`);
      continue;
    }
    for (const field of Object.keys(value as Record<string, unknown>)) {
      if (!KNOWN_FIELDS.has(field)) problems.push(`${provider}.${field}: unknown switch (known: ${[...KNOWN_FIELDS].join(', ')})`);
    }
    const faults = value as Record<string, unknown>;
    for (const field of RATE_FIELDS) {
      const rate = faults[field];
      if (rate !== undefined && (typeof rate !== 'number' || !(rate >= 0 && rate <= 1))) problems.push(`${provider}.${field}: must be a number from 0 to 1`);
    }
    const latency = faults.latencyMs;
    if (latency !== undefined) {
      const valid =
        (typeof latency === 'number' && latency >= 0 && latency <= 600_000) ||
        (Array.isArray(latency) && latency.length === 2 && latency.every((part) => typeof part === 'number' && part >= 0 && part <= 600_000) && latency[0] <= latency[1]);
      if (!valid) problems.push(`${provider}.latencyMs: must be milliseconds (0 to 600000) or a [min, max] range`);
    }
    const status = faults.errorStatus;
    if (status !== undefined && (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599)) {
      problems.push(`${provider}.errorStatus: must be an HTTP status from 400 to 599`);
    }
    const perSecond = faults.rateLimitPerSecond;
    if (perSecond !== undefined && (typeof perSecond !== 'number' || !(perSecond > 0 && perSecond <= 1_000_000))) {
      problems.push(`${provider}.rateLimitPerSecond: must be requests per second above 0 (fractions allowed)`);
    }
    const burst = faults.rateLimitBurst;
    if (burst !== undefined && (typeof burst !== 'number' || !Number.isInteger(burst) || burst < 1 || burst > 1_000_000)) {
      problems.push(`${provider}.rateLimitBurst: must be a whole number of requests from 1`);
    }
    if (burst !== undefined && perSecond === undefined) problems.push(`${provider}.rateLimitBurst: needs rateLimitPerSecond`);
    const retryAfter = faults.retryAfterSeconds;
    if (retryAfter !== undefined && (typeof retryAfter !== 'number' || !Number.isInteger(retryAfter) || retryAfter < 0 || retryAfter > 3600)) {
      problems.push(`${provider}.retryAfterSeconds: must be whole seconds from 0 to 3600`);
    }
  }
  return problems;
}

export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'hang' }
  | { kind: 'rate-limit'; retryAfterSeconds: number; enforced?: boolean }
  | { kind: 'error'; status: number };

export function latencyFor(faults: ProviderFaults | undefined, random: Random): number {
  const latency = faults?.latencyMs;
  if (latency === undefined) return 0;
  if (typeof latency === 'number') return latency;
  return latency[0] + random.next() * (latency[1] - latency[0]);
}

/** Decides, in a fixed order, what an injected fault does to one request. */
export function decideFault(faults: ProviderFaults | undefined, random: Random): FaultDecision {
  if (faults === undefined) return { kind: 'none' };
  if (random.chance(faults.hangRate ?? 0)) return { kind: 'hang' };
  if (random.chance(faults.rateLimitRate ?? 0)) return { kind: 'rate-limit', retryAfterSeconds: faults.retryAfterSeconds ?? 1 };
  if (random.chance(faults.errorRate ?? 0)) return { kind: 'error', status: faults.errorStatus ?? 503 };
  return { kind: 'none' };
}
