import { createOmiseSimulator } from './omise/omise-simulator';
import { createOrbSimulator } from './orb/orb-simulator';
import { createPolarSimulator } from './polar/polar-simulator';
import type { SimulatorFactory } from './simulator';
import { createStiggSimulator } from './stigg/stigg-simulator';
import { createSyncteraSimulator } from './synctera/synctera-simulator';

/** All five provider simulators, served together by one sandbox. */
export const allSimulators: readonly SimulatorFactory[] = [
  createOrbSimulator,
  createStiggSimulator,
  createOmiseSimulator,
  createPolarSimulator,
  createSyncteraSimulator,
];
