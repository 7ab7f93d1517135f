import type { ProviderDefinition } from '../kit/definition';
import { providerCatalogEntry } from '../provider-names';
import { createOrbProvider } from './orb-provider';

export const orbDefinition: ProviderDefinition = {
  ...providerCatalogEntry('orb'),
  create: createOrbProvider,
};
