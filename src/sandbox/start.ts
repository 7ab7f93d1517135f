import { createSandbox, type Sandbox } from './sandbox';
import type { FaultConfig } from './shared/faults';
import type { SimulatorFactory } from './shared/simulator';

/** What starting the sandbox needs of the configuration: its own settings and which providers run on it. */
export interface SandboxStartOptions {
  host: string;
  providers: readonly { name: string; mode: 'LIVE' | 'SANDBOX' }[];
  sandbox: { port: number; seed: number; people: number; faults: FaultConfig };
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
  const counts = sandbox.customerCounts();
  console.log(`sandbox: ${config.sandbox.people} people, seed ${config.sandbox.seed}, ready in ${Math.round(performance.now() - started)} ms at ${sandbox.url}`);
  for (const provider of needed) {
    console.log(`  ${provider.name.padEnd(9)} ${sandbox.baseUrls[provider.name]}  (${counts[provider.name]} customers)`);
  }
  return sandbox;
}
