import type { ProviderDefinition } from '../provider';
import { createOmiseProvider } from './omise-provider';

export const omiseDefinition: ProviderDefinition = {
  name: 'omise',
  displayName: 'Omise',
  liveBaseUrl: 'https://api.omise.co',
  create: createOmiseProvider,
};
