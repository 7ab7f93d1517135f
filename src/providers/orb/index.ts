import type { ProviderDefinition } from '../kit/definition';
import { providerCatalogEntry } from '../provider-names';
import { createOrbProvider } from './orb-provider';
import { orbRateLimit } from './orb-rate-limit';

export const orbDefinition: ProviderDefinition = {
  ...providerCatalogEntry('orb'),
  rateLimit: orbRateLimit,
  create: createOrbProvider,
};
