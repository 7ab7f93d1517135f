import type { FaultConfig } from '../../src/sandbox/shared/faults';
import type { RequestLogEntry } from '../../src/sandbox/request-log';

/** A sandbox the bench drives through its admin API: base URLs, faults, the request log. */
export class SandboxClient {
  constructor(readonly url: string) {}

  async baseUrls(): Promise<Record<string, string>> {
    return ((await (await fetch(`${this.url}/__sandbox`)).json()) as { baseUrls: Record<string, string> }).baseUrls;
  }

  async setFaults(faults: FaultConfig): Promise<void> {
    const response = await fetch(`${this.url}/__sandbox/faults`, { method: 'PUT', body: JSON.stringify(faults) });
    if (!response.ok) throw new Error(`sandbox refused the faults: ${await response.text()}`);
  }

  async clearRequests(): Promise<void> {
    await fetch(`${this.url}/__sandbox/requests`, { method: 'DELETE' });
  }

  async requests(): Promise<RequestLogEntry[]> {
    return ((await (await fetch(`${this.url}/__sandbox/requests`)).json()) as { requests: RequestLogEntry[] }).requests;
  }
}
