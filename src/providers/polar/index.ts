import type { ProviderDefinition } from '../provider';
import { createPolarProvider } from './polar-provider';
import { polarRateLimit } from './polar-rate-limit';

export const polarDefinition: ProviderDefinition = {
  name: 'polar',
  displayName: 'Polar',
  liveBaseUrl: 'https://api.polar.sh',
  rateLimit: polarRateLimit,
  create: createPolarProvider,
};
