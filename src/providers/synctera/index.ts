import type { ProviderDefinition } from '../kit/definition';
import { providerCatalogEntry } from '../provider-names';
import { createSyncteraProvider } from './synctera-provider';
import { syncteraRateLimit } from './synctera-rate-limit';

export const syncteraDefinition: ProviderDefinition = {
  ...providerCatalogEntry('synctera'),
  rateLimit: syncteraRateLimit,
  create: createSyncteraProvider,
};
