import { omiseDefinition } from './providers/omise';
import { orbDefinition } from './providers/orb';
import { polarDefinition } from './providers/polar';
import type { ProviderDefinition } from './providers/kit/definition';
import { stiggDefinition } from './providers/stigg';
import { syncteraDefinition } from './providers/synctera';
import { createOmiseSimulator } from './sandbox/omise/omise-simulator';
import { createOrbSimulator } from './sandbox/orb/orb-simulator';
import { createPolarSimulator } from './sandbox/polar/polar-simulator';
import type { SimulatorFactory } from './sandbox/shared/simulator';
import { createStiggSimulator } from './sandbox/stigg/stigg-simulator';
import { createSyncteraSimulator } from './sandbox/synctera/synctera-simulator';

/** A provider is its adapter and the simulator that lets it run on a fresh clone: one cannot come without the other. */
export interface ProviderRegistration {
  adapter: ProviderDefinition;
  simulator: SimulatorFactory;
}

/**
 * Every provider, in the order of `src/providers/provider-names.ts`. Only the wiring (`app.ts`, the two
 * `main.ts`) and tests import this file: it loads every adapter and every simulator.
 */
export const registry: readonly ProviderRegistration[] = [
  { adapter: orbDefinition, simulator: createOrbSimulator },
  { adapter: stiggDefinition, simulator: createStiggSimulator },
  { adapter: omiseDefinition, simulator: createOmiseSimulator },
  { adapter: polarDefinition, simulator: createPolarSimulator },
  { adapter: syncteraDefinition, simulator: createSyncteraSimulator },
];

export const providerDefinitions: readonly ProviderDefinition[] = registry.map((registration) => registration.adapter);

/** All provider simulators, served together by one sandbox. */
export const allSimulators: readonly SimulatorFactory[] = registry.map((registration) => registration.simulator);
