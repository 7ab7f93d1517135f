import type { ProviderDefinition } from '../kit/definition';
import { providerCatalogEntry } from '../provider-names';
import { createStiggProvider } from './stigg-provider';

export const stiggDefinition: ProviderDefinition = {
  ...providerCatalogEntry('stigg'),
  create: createStiggProvider,
};
