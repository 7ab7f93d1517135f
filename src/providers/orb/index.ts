import type { ProviderDefinition } from '../provider';
import { createOrbProvider } from './orb-provider';
import { orbRateLimit } from './orb-rate-limit';

export const orbDefinition: ProviderDefinition = {
  name: 'orb',
  displayName: 'Orb',
  liveBaseUrl: 'https://api.withorb.com/v1',
  rateLimit: orbRateLimit,
  create: createOrbProvider,
};
