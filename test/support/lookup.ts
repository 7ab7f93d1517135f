import type { CallOptions, Customer, CustomerProvider } from '../../src/providers/spec/provider';

/** The adapter's native by-external-ID lookup; fails the test where the provider has none. */
export function nativeLookup(provider: CustomerProvider): (externalId: string, options?: CallOptions) => Promise<Customer | null> {
  const lookup = provider.customers.byExternalId;
  if (lookup.kind !== 'native') throw new Error(`${provider.name} has no native external-ID lookup (${lookup.kind})`);
  return lookup.get;
}
