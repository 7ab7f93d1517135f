import type { FaultConfig } from './shared/faults';

interface Bucket {
  perSecond: number;
  burst: number;
  tokens: number;
  refilledAt: number;
}

/**
 * The sandbox's own rate limits (`rateLimitPerSecond`, `rateLimitBurst`): a token bucket per provider, as
 * providers' gateways keep them. Buckets start full and are rebuilt whenever the faults change.
 */
export class SandboxRateLimits {
  private buckets = new Map<string, Bucket>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  configure(faults: FaultConfig): void {
    const now = this.now();
    this.buckets = new Map();
    for (const [provider, switches] of Object.entries(faults)) {
      if (switches.rateLimitPerSecond === undefined) continue;
      const burst = switches.rateLimitBurst ?? Math.max(1, Math.ceil(switches.rateLimitPerSecond));
      this.buckets.set(provider, { perSecond: switches.rateLimitPerSecond, burst, tokens: burst, refilledAt: now });
    }
  }

  /** Takes one request's token; when there is none, the whole seconds until there will be one (Retry-After). */
  take(provider: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const bucket = this.buckets.get(provider);
    if (bucket === undefined) return { allowed: true };
    const now = this.now();
    bucket.tokens = Math.min(bucket.burst, bucket.tokens + ((now - bucket.refilledAt) / 1000) * bucket.perSecond);
    bucket.refilledAt = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / bucket.perSecond)) };
  }
}
