import type { ProviderDefinition } from '../kit/definition';
import { providerCatalogEntry } from '../provider-names';
import { createPolarProvider } from './polar-provider';
import { polarRateLimit } from './polar-rate-limit';

export const polarDefinition: ProviderDefinition = {
  ...providerCatalogEntry('polar'),
  rateLimit: polarRateLimit,
  create: createPolarProvider,
};
