import type { SandboxRequest, SandboxResponse } from '../shared/sandbox-http';
import type { ProviderSimulator } from '../shared/simulator';
import type { WebhookOutbox } from './webhook-outbox';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Wraps a simulator so every write it applies through its REST API, whoever calls it, raises the provider's
 * webhook events. A replayed idempotent answer changed nothing and raises none.
 */
export function watchWrites(simulator: ProviderSimulator, outbox: WebhookOutbox, now: () => Date): ProviderSimulator {
  const scheme = simulator.webhooks;
  if (scheme === undefined) return simulator;
  outbox.register(simulator.name, scheme);
  const read = (request: SandboxRequest, path: string) =>
    Promise.resolve(simulator.handle({ ...request, method: 'GET', path, rawQuery: '', query: new URLSearchParams(), body: '' }));

  const handleWrite = async (request: SandboxRequest): Promise<SandboxResponse> => {
    const beforePath = scheme.before?.(request) ?? null;
    // A copy: simulators answer with their live records, which the write is about to change.
    const before = beforePath === null ? null : structuredClone((await read(request, beforePath)).json ?? null);
    const response = await simulator.handle(request);
    if (response.status < 200 || response.status >= 300 || response.replayed === true) return response;
    try {
      const events = await scheme.events({ request, response, before, read: (path) => read(request, path), now: now() });
      outbox.emit(simulator.name, events);
    } catch (error) {
      // The write stands whatever happens to its notification, as at a real provider.
      console.error(`${simulator.name} simulator: webhook events failed`, error);
    }
    return response;
  };
  return { ...simulator, handle: (request) => (READS.has(request.method) ? simulator.handle(request) : handleWrite(request)) };
}
