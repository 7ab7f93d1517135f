import type { ProviderDefinition } from '../provider';
import { createOrbProvider } from './orb-provider';

export const orbDefinition: ProviderDefinition = {
  name: 'orb',
  displayName: 'Orb',
  liveBaseUrl: 'https://api.withorb.com/v1',
  create: createOrbProvider,
};
