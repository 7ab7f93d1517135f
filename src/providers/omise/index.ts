import type { ProviderDefinition } from '../kit/definition';
import { providerCatalogEntry } from '../provider-names';
import { createOmiseProvider } from './omise-provider';
import { omiseRateLimit } from './omise-rate-limit';

export const omiseDefinition: ProviderDefinition = {
  ...providerCatalogEntry('omise'),
  rateLimit: omiseRateLimit,
  create: createOmiseProvider,
};
