import { omiseDefinition } from './omise';
import { orbDefinition } from './orb';
import { polarDefinition } from './polar';
import type { ProviderDefinition } from './provider';
import { stiggDefinition } from './stigg';
import { syncteraDefinition } from './synctera';

/** Every provider the gateway knows, in the order the graph lists them. */
export const providerDefinitions: readonly ProviderDefinition[] = [orbDefinition, stiggDefinition, omiseDefinition, polarDefinition, syncteraDefinition];

export const providerNames: readonly string[] = providerDefinitions.map((definition) => definition.name);
