import { createSandbox, type Sandbox } from './sandbox';
import type { FaultConfig } from './shared/faults';
import type { SimulatorFactory } from './shared/simulator';
import { gatewayEndpoints } from './webhooks/webhook-settings';

/** What starting the sandbox needs of the configuration: its own settings and which providers run on it. */
export interface SandboxStartOptions {
  host: string;
  providers: readonly { name: string; mode: 'LIVE' | 'SANDBOX' }[];
  sandbox: { port: number; seed: number; people: number; faults: FaultConfig; webhookUrl: string | null };
  webhookSecrets: Record<string, string | null>;
}

/** Starts the embedded sandbox when at least one provider has no credentials; prints where each provider lives. */
export async function startSandboxFor(config: SandboxStartOptions, simulators: readonly SimulatorFactory[]): Promise<Sandbox | null> {
  const needed = config.providers.filter((provider) => provider.mode === 'SANDBOX');
  if (needed.length === 0) return null;
  const started = performance.now();
  const sandbox = await createSandbox({
    port: config.sandbox.port,
    host: config.host,
    seed: config.sandbox.seed,
    people: config.sandbox.people,
    faults: config.sandbox.faults,
    simulators,
  });
  if (config.sandbox.webhookUrl !== null) sendWebhooksTo(sandbox, config.sandbox.webhookUrl, config.webhookSecrets);
  const counts = sandbox.customerCounts();
  console.log(`sandbox: ${config.sandbox.people} people, seed ${config.sandbox.seed}, ready in ${Math.round(performance.now() - started)} ms at ${sandbox.url}`);
  for (const provider of needed) {
    console.log(`  ${provider.name.padEnd(9)} ${sandbox.baseUrls[provider.name]}  (${counts[provider.name]} customers)`);
  }
  return sandbox;
}

/**
 * Webhooks to a gateway's base URL, signed with the secrets the gateway is configured with; a provider without a
 * secret sends none, and says so (the secret itself is never printed).
 */
export function sendWebhooksTo(sandbox: Sandbox, baseUrl: string, secrets: Record<string, string | null>): void {
  const usable = Object.fromEntries(
    Object.entries(secrets).filter((entry): entry is [string, string] => entry[1] !== null && sandbox.providers.includes(entry[0])),
  );
  sandbox.setWebhooks({ ...sandbox.webhooks(), endpoints: gatewayEndpoints(baseUrl, usable) });
  const missing = sandbox.providers.filter((provider) => usable[provider] === undefined);
  const sent = Object.keys(usable);
  console.log(`sandbox: webhooks to ${baseUrl.replace(/\/+$/, '')}/webhooks/<provider>${sent.length > 0 ? ` for ${sent.join(', ')}` : ''}`);
  if (missing.length > 0) console.log(`  none for ${missing.join(', ')}: set ${missing.map((name) => `${name.toUpperCase()}_WEBHOOK_SECRET`).join(', ')}`);
}
