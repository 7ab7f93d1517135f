import type { AppConfig } from '../config';
import { Random } from './random';
import { createSandbox, type Sandbox } from './sandbox';
import { allSimulators } from './simulators';

/**
 * Each provider's base URL in a sandbox already running at `url` (`npm run sandbox`), so several gateways (the
 * instances of one deployment) share one set of providers. Simulators made with nobody in them cost nothing.
 */
export function sandboxBaseUrls(url: string): Record<string, string> {
  const root = url.replace(/\/+$/, '');
  const context = { seed: 0, people: [], seedNow: new Date(0), random: (stream: string) => new Random(0, stream), now: () => new Date() };
  return Object.fromEntries(allSimulators.map((factory) => factory(context)).map((simulator) => [simulator.name, `${root}${simulator.basePath}`]));
}

/** Starts the embedded sandbox when at least one provider has no credentials; prints where each provider lives. */
export async function startSandboxFor(config: AppConfig): Promise<Sandbox | null> {
  const needed = config.providers.filter((provider) => provider.mode === 'SANDBOX');
  if (needed.length === 0 || config.sandbox.url !== null) return null;
  const started = performance.now();
  const sandbox = await createSandbox({
    port: config.sandbox.port,
    host: config.host,
    seed: config.sandbox.seed,
    people: config.sandbox.people,
    faults: config.sandbox.faults,
    simulators: allSimulators,
  });
  const counts = sandbox.customerCounts();
  console.log(`sandbox: ${config.sandbox.people} people, seed ${config.sandbox.seed}, ready in ${Math.round(performance.now() - started)} ms at ${sandbox.url}`);
  for (const provider of needed) {
    console.log(`  ${provider.name.padEnd(9)} ${sandbox.baseUrls[provider.name]}  (${counts[provider.name]} customers)`);
  }
  return sandbox;
}
