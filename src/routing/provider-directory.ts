import type { CustomerProvider } from '../providers/spec/provider';

/** Whether a provider talks to its real API or to the embedded sandbox. */
export type ProviderMode = 'LIVE' | 'SANDBOX';

export interface DirectoryEntry {
  provider: CustomerProvider;
  mode: ProviderMode;
  /** Null where it must not be published (production). */
  baseUrl: string | null;
}

/** The configured adapters by name (the global ID prefix table), with how each one runs. */
export class ProviderDirectory {
  private readonly entries: Map<string, DirectoryEntry>;

  constructor(entries: readonly DirectoryEntry[]) {
    this.entries = new Map(entries.map((entry) => [entry.provider.name, entry]));
  }

  get names(): string[] {
    return [...this.entries.keys()];
  }

  list(): DirectoryEntry[] {
    return [...this.entries.values()];
  }

  providers(): CustomerProvider[] {
    return this.list().map((entry) => entry.provider);
  }

  find(name: string): CustomerProvider | undefined {
    return this.entries.get(name)?.provider;
  }

  get(name: string): CustomerProvider {
    const provider = this.find(name);
    if (provider === undefined) throw new Error(`no provider named "${name}" (known: ${this.names.join(', ')})`);
    return provider;
  }
}
