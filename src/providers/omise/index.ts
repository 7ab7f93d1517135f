import type { ProviderDefinition } from '../kit/definition';
import { providerCatalogEntry } from '../provider-names';
import { createOmiseProvider } from './omise-provider';

export const omiseDefinition: ProviderDefinition = {
  ...providerCatalogEntry('omise'),
  create: createOmiseProvider,
};
