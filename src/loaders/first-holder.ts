import type { Customer } from '../providers/provider';
import type { LoaderEnvironment } from './environment';
import type { Loaders } from './loaders';

/**
 * The customer record that stands for a person when a caller names only the external ID: the first provider,
 * in the gateway's provider order, that holds them. All providers are asked at once through the loaders, so a
 * batch of such lookups costs one lookup per provider and person, and none twice.
 */
export async function firstHolder(externalId: string, environment: LoaderEnvironment, loaders: Loaders): Promise<Customer | null> {
  const providers = environment.directory.providers();
  const found = await Promise.allSettled(providers.map((provider) => loaders.customerByExternalId.load({ provider: provider.name, externalId })));
  for (const outcome of found) {
    if (outcome.status === 'rejected') throw outcome.reason;
    if (outcome.value !== null) return outcome.value;
  }
  return null;
}
