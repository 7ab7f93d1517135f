import type { ProviderDefinition } from './providers/kit/definition';
import type { WebhookReceiver } from './providers/kit/webhooks';
import { omiseDefinition } from './providers/omise';
import { omiseWebhookReceiver } from './providers/omise/omise-webhooks';
import { orbDefinition } from './providers/orb';
import { orbWebhookReceiver } from './providers/orb/orb-webhooks';
import { polarDefinition } from './providers/polar';
import { polarWebhookReceiver } from './providers/polar/polar-webhooks';
import { stiggDefinition } from './providers/stigg';
import { stiggWebhookReceiver } from './providers/stigg/stigg-webhooks';
import { syncteraDefinition } from './providers/synctera';
import { syncteraWebhookReceiver } from './providers/synctera/synctera-webhooks';
import { createOmiseSimulator } from './sandbox/omise/omise-simulator';
import { createOrbSimulator } from './sandbox/orb/orb-simulator';
import { createPolarSimulator } from './sandbox/polar/polar-simulator';
import type { SimulatorFactory } from './sandbox/shared/simulator';
import { createStiggSimulator } from './sandbox/stigg/stigg-simulator';
import { createSyncteraSimulator } from './sandbox/synctera/synctera-simulator';

/**
 * A provider is its adapter, the reader of its webhooks, and the simulator that lets it run on a fresh clone:
 * none comes without the others.
 */
export interface ProviderRegistration {
  adapter: ProviderDefinition;
  webhooks: WebhookReceiver;
  simulator: SimulatorFactory;
}

/**
 * Every provider, in the order of `src/providers/provider-names.ts`. Only the wiring (`app.ts`, the two
 * `main.ts`, the sandbox's thread `sandbox/worker.ts`) and tests import this file: it loads every adapter and every
 * simulator.
 */
export const registry: readonly ProviderRegistration[] = [
  { adapter: orbDefinition, webhooks: orbWebhookReceiver, simulator: createOrbSimulator },
  { adapter: stiggDefinition, webhooks: stiggWebhookReceiver, simulator: createStiggSimulator },
  { adapter: omiseDefinition, webhooks: omiseWebhookReceiver, simulator: createOmiseSimulator },
  { adapter: polarDefinition, webhooks: polarWebhookReceiver, simulator: createPolarSimulator },
  { adapter: syncteraDefinition, webhooks: syncteraWebhookReceiver, simulator: createSyncteraSimulator },
];

export const providerDefinitions: readonly ProviderDefinition[] = registry.map((registration) => registration.adapter);

/** All provider simulators, served together by one sandbox. */
export const allSimulators: readonly SimulatorFactory[] = registry.map((registration) => registration.simulator);

/** Each provider's webhook verification and reading, by provider name. */
export const webhookReceivers: Readonly<Record<string, WebhookReceiver>> = Object.fromEntries(
  registry.map((registration) => [registration.adapter.name, registration.webhooks]),
);

export { providerNames } from './providers/provider-names';
