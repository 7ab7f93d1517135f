import type { ProviderDefinition } from '../provider';
import { createOmiseProvider } from './omise-provider';
import { omiseRateLimit } from './omise-rate-limit';

export const omiseDefinition: ProviderDefinition = {
  name: 'omise',
  displayName: 'Omise',
  liveBaseUrl: 'https://api.omise.co',
  rateLimit: omiseRateLimit,
  create: createOmiseProvider,
};
