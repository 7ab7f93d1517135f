import { providerDefinitions } from '../providers/registry';
import { builder } from './builder';

/** `ORB`, `STIGG`, …: built from the provider registry; resolvers see the lower-case provider name. */
export const ProviderEnum = builder.enumType('Provider', {
  description: 'A customer provider behind the gateway. Its lower-case name is the global ID prefix.',
  values: Object.fromEntries(
    providerDefinitions.map((definition) => [definition.name.toUpperCase(), { value: definition.name, description: definition.displayName }]),
  ) as Record<string, { value: string; description: string }>,
});
