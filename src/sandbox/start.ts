import { createSandbox, type Sandbox } from './sandbox';
import type { FaultConfig } from './shared/faults';
import { Random } from './shared/random';
import type { SimulatorFactory } from './shared/simulator';
import type { WebhookEndpoint } from './shared/webhook-types';
import { gatewayEndpoints } from './webhooks/webhook-settings';

/** What starting the sandbox needs of the configuration: its own settings and which providers run on it. */
export interface SandboxStartOptions {
  host: string;
  providers: readonly { name: string; mode: 'LIVE' | 'SANDBOX' }[];
  sandbox: { port: number; seed: number; people: number; faults: FaultConfig; webhookUrl: string | null; url: string | null };
  webhookSecrets: Record<string, string | null>;
}

/**
 * Each provider's base URL in a sandbox already running at `url` (`npm run sandbox`), so several gateways (the
 * instances of one deployment) share one set of providers. Simulators made with nobody in them cost nothing.
 */
export function sandboxBaseUrls(url: string, simulators: readonly SimulatorFactory[]): Record<string, string> {
  const root = url.replace(/\/+$/, '');
  const context = { seed: 0, people: [], seedNow: new Date(0), random: (stream: string) => new Random(0, stream), now: () => new Date() };
  return Object.fromEntries(simulators.map((factory) => factory(context)).map((simulator) => [simulator.name, `${root}${simulator.basePath}`]));
}

/** Starts the embedded sandbox when at least one provider has no credentials; prints where each provider lives. */
export async function startSandboxFor(config: SandboxStartOptions, simulators: readonly SimulatorFactory[]): Promise<Sandbox | null> {
  const needed = sandboxProvidersOf(config);
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
  for (const line of describeSandboxStart(config, sandbox, sandbox.customerCounts(), performance.now() - started)) console.log(line);
  return sandbox;
}

/** The providers an embedded sandbox serves: those without credentials, unless a sandbox already runs elsewhere (`SANDBOX_URL`). */
export function sandboxProvidersOf(config: SandboxStartOptions): readonly { name: string }[] {
  if (config.sandbox.url !== null) return [];
  return config.providers.filter((provider) => provider.mode === 'SANDBOX');
}

/** The start-up lines: people, seed, how long it took, and each served provider's base URL and customer count. */
export function describeSandboxStart(
  config: SandboxStartOptions,
  sandbox: { url: string; baseUrls: Record<string, string> },
  counts: Record<string, number>,
  ms: number,
): string[] {
  return [
    `sandbox: ${config.sandbox.people} people, seed ${config.sandbox.seed}, ready in ${Math.round(ms)} ms at ${sandbox.url}`,
    ...sandboxProvidersOf(config).map((provider) => `  ${provider.name.padEnd(9)} ${sandbox.baseUrls[provider.name]}  (${counts[provider.name]} customers)`),
  ];
}

/**
 * Webhooks to a gateway's base URL, signed with the secrets the gateway is configured with; a provider without a
 * secret sends none, and says so (the secret itself is never printed).
 */
export function sendWebhooksTo(sandbox: Sandbox, baseUrl: string, secrets: Record<string, string | null>): void {
  const { endpoints, lines } = webhooksTo(sandbox.providers, baseUrl, secrets);
  sandbox.setWebhooks({ ...sandbox.webhooks(), endpoints });
  for (const line of lines) console.log(line);
}

/** The endpoints for webhooks to a gateway's base URL (providers with a secret), and the lines that say where they go. */
export function webhooksTo(
  providers: readonly string[],
  baseUrl: string,
  secrets: Record<string, string | null>,
): { endpoints: Record<string, WebhookEndpoint[]>; lines: string[] } {
  const usable = Object.fromEntries(
    Object.entries(secrets).filter((entry): entry is [string, string] => entry[1] !== null && providers.includes(entry[0])),
  );
  const missing = providers.filter((provider) => usable[provider] === undefined);
  const sent = Object.keys(usable);
  const lines = [`sandbox: webhooks to ${baseUrl.replace(/\/+$/, '')}/webhooks/<provider>${sent.length > 0 ? ` for ${sent.join(', ')}` : ''}`];
  if (missing.length > 0) lines.push(`  none for ${missing.join(', ')}: set ${missing.map((name) => `${name.toUpperCase()}_WEBHOOK_SECRET`).join(', ')}`);
  return { endpoints: gatewayEndpoints(baseUrl, usable), lines };
}
