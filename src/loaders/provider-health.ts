import type { CustomerProvider } from '../providers/spec/provider';

export interface ProviderHealth {
  ok: boolean;
  latencyMs: number;
  message: string | null;
}

/** Asks the provider for one customer now (one upstream call) and says how that went. */
export async function probeHealth(provider: CustomerProvider, signal: AbortSignal | undefined): Promise<ProviderHealth> {
  const started = performance.now();
  try {
    await provider.listCustomers({ limit: 1, cursor: null, filter: {} }, { signal });
    return { ok: true, latencyMs: Math.round(performance.now() - started), message: null };
  } catch (error) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), message: (error as Error).message };
  }
}
