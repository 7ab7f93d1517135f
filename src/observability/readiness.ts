/** One thing the gateway needs before it takes traffic: ready, or not with a short reason (never a secret). */
export interface ProbeResult {
  ready: boolean;
  detail?: string;
}

export type ReadinessProbe = () => ProbeResult | Promise<ProbeResult>;

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, ProbeResult>;
}

/**
 * The probes `/readiness` asks. Parts of the app register their own (identity index, draining, the state
 * store); a probe that throws or takes longer than `timeoutMs` counts as not ready.
 */
export class ReadinessProbes {
  private readonly probes = new Map<string, ReadinessProbe>();

  constructor(private readonly timeoutMs = 2000) {}

  register(name: string, probe: ReadinessProbe): void {
    this.probes.set(name, probe);
  }

  async evaluate(): Promise<ReadinessReport> {
    const entries = await Promise.all([...this.probes].map(async ([name, probe]) => [name, await this.run(probe)] as const));
    return { ready: entries.every(([, result]) => result.ready), checks: Object.fromEntries(entries) };
  }

  private async run(probe: ReadinessProbe): Promise<ProbeResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<ProbeResult>((resolve) => {
      timer = setTimeout(() => resolve({ ready: false, detail: `no answer within ${this.timeoutMs} ms` }), this.timeoutMs);
    });
    try {
      return await Promise.race([Promise.resolve().then(probe), timeout]);
    } catch (error) {
      return { ready: false, detail: error instanceof Error ? error.message : 'failed' };
    } finally {
      clearTimeout(timer);
    }
  }
}
