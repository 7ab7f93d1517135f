import type { ProviderDefinition } from '../provider';
import { createStiggProvider } from './stigg-provider';
import { stiggRateLimit } from './stigg-rate-limit';

export const stiggDefinition: ProviderDefinition = {
  name: 'stigg',
  displayName: 'Stigg',
  liveBaseUrl: 'https://api.stigg.io',
  rateLimit: stiggRateLimit,
  create: createStiggProvider,
};
