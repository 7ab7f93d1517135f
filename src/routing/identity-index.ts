import type { Logger } from '../logger';
import { isDeadlineAbort } from '../providers/kit/deadline';
import { untilAborted } from '../providers/kit/linked-abort';
import { ProviderError } from '../providers/spec/errors';
import type { CustomerProvider } from '../providers/spec/provider';
import { createMemoryIdentity } from '../state/memory/memory-identity';
import { createMemoryLocks } from '../state/memory/memory-locks';
import type { IdentityStore, LockStore } from '../state/state-port';
import { walkAll, walkSince } from './identity-walk';

export interface IdentityIndexOptions {
  /** Where the mappings live; this process's memory when absent. */
  store?: IdentityStore;
  /** Who builds: one instance at a time; this process's locks when absent. */
  locks?: LockStore;
  /**
   * Per provider, a namespace for its account (e.g. a digest of base URL and key): another account never reads
   * this one's index. @default the provider's name
   */
  scopes?: ReadonlyMap<string, string>;
  /** Customers created this long before the last refresh are read again, for clocks that disagree. @default 5 min */
  overlapMs?: number;
  /** @default 60 s, extended while the walk runs */
  lockLeaseMs?: number;
  now?: () => number;
}

/**
 * External ID → native id for providers that keep the external ID only in metadata (no native lookup), in the
 * state store so every instance shares it. Built once by one instance under a lock (the others wait, then read);
 * kept current by every instance's writes; after a restart only customers created since the last refresh are
 * read. Derived data: losing it loses nothing; it is rebuilt.
 */
export class IdentityIndex {
  private readonly builds = new Map<string, Promise<void>>();
  private readonly store: IdentityStore;
  private readonly locks: LockStore;
  private readonly overlapMs: number;
  private readonly lockLeaseMs: number;
  private readonly now: () => number;

  constructor(
    private readonly providers: readonly CustomerProvider[],
    private readonly logger: Logger,
    private readonly options: IdentityIndexOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.store = options.store ?? createMemoryIdentity();
    this.locks = options.locks ?? createMemoryLocks(this.now);
    this.overlapMs = options.overlapMs ?? 5 * 60_000;
    this.lockLeaseMs = options.lockLeaseMs ?? 60_000;
  }

  /** Builds or refreshes every index; the promise settles when all have finished (failures are logged). */
  start(): Promise<void> {
    return Promise.all(this.providers.map((provider) => this.ensure(provider).catch(() => undefined))).then(() => undefined);
  }

  has(provider: string): boolean {
    return this.providers.some((candidate) => candidate.name === provider);
  }

  /**
   * The native id for an external ID, or null when the provider holds nobody under it. While the index is being
   * built, the caller waits for the build only as long as its `signal` allows (the request's deadline): the build
   * is shared by every request and goes on without it, and the caller gets a typed TIMEOUT or ABORTED at once.
   */
  async lookup(provider: string, externalId: string, signal?: AbortSignal): Promise<string | null> {
    await waitFor(this.ensure(this.providerNamed(provider)), provider, signal);
    return this.store.lookup(this.scope(provider), externalId);
  }

  /**
   * Records a customer the gateway just wrote (or read) so every instance's lookups find it without a rebuild.
   * Never fails the write that called it: when the store cannot take it, the next lookup refreshes the index
   * from the provider first (customers created since the last refresh), which finds it.
   */
  async learn(provider: string, externalId: string | null, id: string): Promise<void> {
    if (!this.has(provider)) return;
    try {
      await this.store.record(this.scope(provider), id, externalId);
    } catch (error) {
      this.builds.delete(provider);
      this.logger.warn(`identity index: ${provider} could not record a change (${(error as Error).message}); the next lookup refreshes from the provider`);
    }
  }

  forget(provider: string, id: string): Promise<void> {
    return this.learn(provider, null, id);
  }

  /** External IDs indexed for a provider. */
  size(provider: string): Promise<number> {
    return this.store.size(this.scope(provider));
  }

  /** Each index's size and when its last complete build or refresh began (shared by all instances), for readiness and metrics. */
  status(): Promise<{ provider: string; size: number; builtAt: number | null }[]> {
    return Promise.all(
      this.providers.map(async (provider) => {
        const scope = this.scope(provider.name);
        const mark = await this.store.mark(scope);
        return { provider: provider.name, size: await this.store.size(scope), builtAt: mark?.complete === true ? mark.refreshedThrough : null };
      }),
    );
  }

  private scope(provider: string): string {
    return this.options.scopes?.get(provider) ?? provider;
  }

  private providerNamed(name: string): CustomerProvider {
    const provider = this.providers.find((candidate) => candidate.name === name);
    if (provider === undefined) throw new Error(`${name} has no identity index`);
    return provider;
  }

  /** This instance's build or refresh of one provider, once; a failed one is tried again by the next lookup. */
  private ensure(provider: CustomerProvider): Promise<void> {
    const existing = this.builds.get(provider.name);
    if (existing !== undefined) return existing;
    const build = this.build(provider).catch((error: unknown) => {
      this.builds.delete(provider.name);
      this.logger.warn(`identity index: ${provider.name} failed (${(error as Error).message}); the next lookup retries`);
      throw error;
    });
    this.builds.set(provider.name, build);
    return build;
  }

  private async build(provider: CustomerProvider): Promise<void> {
    const scope = this.scope(provider.name);
    const lockName = `identity-build:${scope}`;
    const seenBefore = await this.store.mark(scope);
    let token = await this.locks.acquire(lockName, this.lockLeaseMs);
    if (token === null) this.logger.info(`identity index: ${provider.name} is being built by another instance; waiting for it`);
    while (token === null) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      token = await this.locks.acquire(lockName, this.lockLeaseMs);
    }
    const held = token;
    const extend = async () => {
      if (!(await this.locks.extend(lockName, held, this.lockLeaseMs))) throw new Error('lost the build lock');
    };
    const renewal = setInterval(() => void extend().catch(() => undefined), this.lockLeaseMs / 3);
    renewal.unref();
    try {
      const mark = await this.store.mark(scope);
      // Another instance finished a build or refresh while this one waited: read what it wrote.
      if (mark?.complete && (seenBefore === null || mark.refreshedThrough > seenBefore.refreshedThrough)) {
        this.logger.info(`identity index: ${provider.name} ready, built by another instance (${await this.store.size(scope)} external IDs)`);
        return;
      }
      const started = this.now();
      const timer = performance.now();
      if (mark?.complete) {
        const since = new Date(mark.refreshedThrough - this.overlapMs);
        const report = await walkSince(provider, this.store, scope, since);
        await this.store.setMark(scope, { complete: true, refreshedThrough: started });
        this.logger.info(
          `identity index: ${provider.name} refreshed, ${report.seen} customers created since ${since.toISOString()} (${report.pages} list ${report.pages === 1 ? 'call' : 'calls'}, ${Math.round(performance.now() - timer)} ms); ${await this.store.size(scope)} external IDs`,
        );
        return;
      }
      const report = await walkAll(provider, this.store, scope, this.logger, extend);
      await this.store.setMark(scope, { complete: true, refreshedThrough: started });
      this.logger.info(
        `identity index: ${provider.name} ready, ${await this.store.size(scope)} external IDs from ${report.seen} customers (${report.pages} pages, ${Math.round(performance.now() - timer)} ms)`,
      );
    } finally {
      clearInterval(renewal);
      await this.locks.release(lockName, held).catch(() => undefined);
    }
  }
}

/** `work`, or the signal's end first: a request never waits on shared work past its own deadline. */
function waitFor(work: Promise<void>, provider: string, signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return work;
  const cut = () =>
    isDeadlineAbort(signal)
      ? new ProviderError({ provider, code: 'TIMEOUT', message: `${provider}'s external-ID index was still being built at the request's deadline`, retryable: true, byDeadline: true })
      : new ProviderError({ provider, code: 'ABORTED', message: `${provider} external-ID lookup was cancelled while its index was being built`, cause: signal.reason });
  return untilAborted(work, signal, cut);
}
