import type { ProviderDefinition } from '../provider';
import { createPolarProvider } from './polar-provider';

export const polarDefinition: ProviderDefinition = {
  name: 'polar',
  displayName: 'Polar',
  liveBaseUrl: 'https://api.polar.sh',
  create: createPolarProvider,
};
