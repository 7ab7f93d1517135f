/**
 * Every provider the gateway knows, by name, in the order the graph lists them. The GraphQL enum and the
 * configuration read this list, so neither loads an adapter to learn five names. A new provider adds one line
 * here and one in `src/registry.ts`; a test fails when the two disagree.
 */
export interface ProviderCatalogEntry {
  /** Lower-case; also the global ID prefix and the `<NAME>_API_KEY` variable's prefix. */
  name: string;
  /** How people write it. */
  displayName: string;
  /** The real API's base URL, used when the provider runs live without its own base URL. */
  liveBaseUrl: string;
}

export const providerCatalog: readonly ProviderCatalogEntry[] = [
  { name: 'orb', displayName: 'Orb', liveBaseUrl: 'https://api.withorb.com/v1' },
  { name: 'stigg', displayName: 'Stigg', liveBaseUrl: 'https://api.stigg.io' },
  { name: 'omise', displayName: 'Omise', liveBaseUrl: 'https://api.omise.co' },
  { name: 'polar', displayName: 'Polar', liveBaseUrl: 'https://api.polar.sh' },
  { name: 'synctera', displayName: 'Synctera', liveBaseUrl: 'https://api.synctera.com/v0' },
];

export const providerNames: readonly string[] = providerCatalog.map((entry) => entry.name);

/** The catalog entry of a provider; throws for a name that is not listed, which is a programming error. */
export function providerCatalogEntry(name: string): ProviderCatalogEntry {
  const entry = providerCatalog.find((candidate) => candidate.name === name);
  if (entry === undefined) throw new Error(`provider "${name}" is not in src/providers/provider-names.ts`);
  return entry;
}
