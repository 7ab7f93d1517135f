import type { ProviderDefinition } from '../kit/definition';
import { providerCatalogEntry } from '../provider-names';
import { createStiggProvider } from './stigg-provider';
import { stiggRateLimit } from './stigg-rate-limit';

export const stiggDefinition: ProviderDefinition = {
  ...providerCatalogEntry('stigg'),
  rateLimit: stiggRateLimit,
  create: createStiggProvider,
};
