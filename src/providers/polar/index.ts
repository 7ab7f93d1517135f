import type { ProviderDefinition } from '../kit/definition';
import { providerCatalogEntry } from '../provider-names';
import { createPolarProvider } from './polar-provider';

export const polarDefinition: ProviderDefinition = {
  ...providerCatalogEntry('polar'),
  create: createPolarProvider,
};
