import type { ProviderDefinition } from '../provider';
import { createSyncteraProvider } from './synctera-provider';

export const syncteraDefinition: ProviderDefinition = {
  name: 'synctera',
  displayName: 'Synctera',
  liveBaseUrl: 'https://api.synctera.com/v0',
  create: createSyncteraProvider,
};
