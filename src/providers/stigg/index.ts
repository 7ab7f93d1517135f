import type { ProviderDefinition } from '../provider';
import { createStiggProvider } from './stigg-provider';

export const stiggDefinition: ProviderDefinition = {
  name: 'stigg',
  displayName: 'Stigg',
  liveBaseUrl: 'https://api.stigg.io',
  create: createStiggProvider,
};
