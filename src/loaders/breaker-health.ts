import type { ProviderHealthReport, ResilienceRegistry } from '../providers/kit/resilience';

export type { ProviderHealthReport };

/** A provider's health as its circuit breaker sees it: read from memory, never by calling the provider. */
export function breakerHealth(resilience: ResilienceRegistry, provider: string): ProviderHealthReport {
  return resilience.for(provider).health();
}
