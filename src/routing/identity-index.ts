import type { Logger } from '../logger';
import type { CustomerProvider } from '../providers/spec/provider';

interface ProviderIndex {
  byExternalId: Map<string, string>;
  byId: Map<string, string>;
  /** Settles when the walk over the provider's list is done; replaced by a new walk after a failure. */
  build: Promise<void>;
  failed: boolean;
}

/**
 * External ID → native id for providers that keep the external ID only in metadata (no native lookup).
 * Built once from the providers' own lists, newest first, and kept current by the gateway's writes, so a lookup
 * never scans a provider. Derived data: losing it loses nothing; it is rebuilt at start-up.
 */
export class IdentityIndex {
  private readonly indexes = new Map<string, ProviderIndex>();

  constructor(
    private readonly providers: readonly CustomerProvider[],
    private readonly logger: Logger,
  ) {}

  /** Starts building every index; the promise settles when all walks have finished (failures are logged). */
  start(): Promise<void> {
    return Promise.all(this.providers.map((provider) => this.ensure(provider).build)).then(() => undefined);
  }

  has(provider: string): boolean {
    return this.providers.some((candidate) => candidate.name === provider);
  }

  /** The native id for an external ID, or null when the provider holds nobody under it. */
  async lookup(provider: string, externalId: string): Promise<string | null> {
    const index = this.ensure(this.providerNamed(provider));
    await index.build;
    return index.byExternalId.get(externalId) ?? null;
  }

  /** Records a customer the gateway just wrote (or read) so later lookups find it without a rebuild. */
  learn(provider: string, externalId: string | null, id: string): void {
    const index = this.indexes.get(provider);
    if (index === undefined) return;
    const previous = index.byId.get(id);
    // Another customer may hold the same external ID (metadata is free text): only drop a mapping to this one.
    if (previous !== undefined && previous !== externalId && index.byExternalId.get(previous) === id) index.byExternalId.delete(previous);
    if (externalId === null) {
      index.byId.delete(id);
      return;
    }
    index.byId.set(id, externalId);
    index.byExternalId.set(externalId, id);
  }

  forget(provider: string, id: string): void {
    this.learn(provider, null, id);
  }

  /** External IDs indexed for a provider. */
  size(provider: string): number {
    return this.indexes.get(provider)?.byExternalId.size ?? 0;
  }

  private providerNamed(name: string): CustomerProvider {
    const provider = this.providers.find((candidate) => candidate.name === name);
    if (provider === undefined) throw new Error(`${name} has no identity index`);
    return provider;
  }

  private ensure(provider: CustomerProvider): ProviderIndex {
    const existing = this.indexes.get(provider.name);
    if (existing !== undefined && !existing.failed) return existing;
    const index: ProviderIndex = existing ?? { byExternalId: new Map(), byId: new Map(), build: Promise.resolve(), failed: false };
    index.failed = false;
    index.build = this.walk(provider, index).catch((error: unknown) => {
      index.failed = true;
      this.logger.warn(`identity index: ${provider.name} failed (${(error as Error).message}); the next lookup retries`);
      throw error;
    });
    // A failed build is reported to the lookup that awaits it; keep it from being an unhandled rejection.
    index.build.catch(() => {});
    this.indexes.set(provider.name, index);
    return index;
  }

  private async walk(provider: CustomerProvider, index: ProviderIndex): Promise<void> {
    const started = performance.now();
    let cursor: string | null = null;
    let pages = 0;
    let seen = 0;
    do {
      const page = await provider.listCustomers({ limit: provider.capabilities.maxPageSize, cursor, filter: {} });
      for (const customer of page.customers) {
        seen++;
        // A deleted record may keep its external ID (a tombstone): only live customers are indexed.
        if (customer.externalId === null || customer.status === 'DELETED') continue;
        // Newest first: the first customer seen under an external ID wins; a writer's learn() overrides.
        if (!index.byExternalId.has(customer.externalId)) index.byExternalId.set(customer.externalId, customer.providerId);
        if (!index.byId.has(customer.providerId)) index.byId.set(customer.providerId, customer.externalId);
      }
      pages++;
      if (pages % 50 === 0) this.logger.info(`identity index: ${provider.name} ${seen} customers read (${pages} pages)…`);
      cursor = page.nextCursor;
    } while (cursor !== null);
    const ms = Math.round(performance.now() - started);
    this.logger.info(`identity index: ${provider.name} ready, ${index.byExternalId.size} external IDs from ${seen} customers (${pages} pages, ${ms} ms)`);
  }
}
