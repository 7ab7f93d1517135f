import type { ProviderDefinition } from '../provider';
import { createSyncteraProvider } from './synctera-provider';
import { syncteraRateLimit } from './synctera-rate-limit';

export const syncteraDefinition: ProviderDefinition = {
  name: 'synctera',
  displayName: 'Synctera',
  liveBaseUrl: 'https://api.synctera.com/v0',
  rateLimit: syncteraRateLimit,
  create: createSyncteraProvider,
};
