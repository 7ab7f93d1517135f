import type { ProviderDefinition } from '../kit/definition';
import { providerCatalogEntry } from '../provider-names';
import { createSyncteraProvider } from './synctera-provider';

export const syncteraDefinition: ProviderDefinition = {
  ...providerCatalogEntry('synctera'),
  create: createSyncteraProvider,
};
