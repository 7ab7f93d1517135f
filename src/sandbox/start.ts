import type { AppConfig } from '../config';
import { createSandbox, type Sandbox } from './sandbox';
import { allSimulators } from './simulators';

/** Starts the embedded sandbox when at least one provider has no credentials; prints where each provider lives. */
export async function startSandboxFor(config: AppConfig): Promise<Sandbox | null> {
  const needed = config.providers.filter((provider) => provider.mode === 'SANDBOX');
  if (needed.length === 0) return null;
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
