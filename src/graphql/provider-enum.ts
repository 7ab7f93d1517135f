import { providerCatalog } from '../providers/provider-names';
import { builder } from './builder';

/** `ORB`, `STIGG`, …: built from the names-only provider list; resolvers see the lower-case provider name. */
export const ProviderEnum = builder.enumType('Provider', {
  description: 'A customer provider behind the gateway. Its lower-case name is the global ID prefix.',
  values: Object.fromEntries(
    providerCatalog.map((definition) => [definition.name.toUpperCase(), { value: definition.name, description: definition.displayName }]),
  ) as Record<string, { value: string; description: string }>,
});
