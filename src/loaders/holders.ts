import type { Customer } from '../providers/spec/provider';
import type { LoaderEnvironment } from './environment';
import type { Loaders } from './loaders';

/** One provider's answer to "do you hold this external ID?": the customer, null for no, or why it could not say. */
export type HolderAnswer = { provider: string; customer: Customer | null; error: null } | { provider: string; customer: null; error: unknown };

/**
 * Asks every provider at once, through the loaders, whether it holds the person, in the gateway's provider
 * order. A batch of such questions costs one lookup per provider and person, and none twice.
 */
export async function askHolders(externalId: string, environment: Pick<LoaderEnvironment, 'directory'>, loaders: Loaders): Promise<HolderAnswer[]> {
  const providers = environment.directory.providers();
  const settled = await Promise.allSettled(providers.map((provider) => loaders.customerByExternalId.load({ provider: provider.name, externalId })));
  return settled.map((outcome, index) => {
    const provider = (providers[index] as { name: string }).name;
    return outcome.status === 'fulfilled' ? { provider, customer: outcome.value, error: null } : { provider, customer: null, error: outcome.reason as unknown };
  });
}

/**
 * The customer record that stands for a person when a caller names only the external ID: the first provider,
 * in the gateway's provider order, that holds them.
 */
export async function firstHolder(externalId: string, environment: Pick<LoaderEnvironment, 'directory'>, loaders: Loaders): Promise<Customer | null> {
  for (const answer of await askHolders(externalId, environment, loaders)) {
    if (answer.error !== null) throw answer.error;
    if (answer.customer !== null) return answer.customer;
  }
  return null;
}
