import { ProviderError } from '../providers/spec/errors';
import { UpstreamBudgetExceededError } from '../request-scope';
import type { Customer, CustomerFilter, CustomerFilterField, CustomerProvider, ListPage } from '../providers/spec/provider';
import { badUserInput } from '../routing/bad-user-input';
import type { LoaderEnvironment } from './environment';
import type { CursorSigner } from './cursor-signer';
import { decodeCursor, encodeCursor, queryFingerprint, type StreamPosition } from './list-cursor';
import type { Loaders } from './loaders';

export interface ListQuery {
  providers: readonly CustomerProvider[];
  first: number;
  after: string | null;
  filter: CustomerFilter;
}

/**
 * One item and where every provider stood just after it. The cursor is encoded only when read: most queries ask
 * for `nodes` alone, and encoding one per edge was a JSON document and a base64 string per row for nothing.
 */
export class ListEdge {
  private encoded: string | null = null;

  constructor(
    readonly node: Customer,
    private readonly positions: readonly StreamPosition[],
    private readonly page: PageOfEdges,
  ) {}

  get cursor(): string {
    this.encoded ??= encodeCursor(fingerprintOf(this.page), Object.fromEntries(this.page.providers.map((name, index) => [name, this.positions[index] as StreamPosition])), this.page.signer);
    return this.encoded;
  }
}

/** What every edge of one page shares. The query's fingerprint is hashed on first use: a page of `nodes` alone needs none. */
interface PageOfEdges {
  providers: readonly string[];
  filter: CustomerFilter;
  signer: CursorSigner;
  fingerprint: string | null;
}

function fingerprintOf(page: PageOfEdges): string {
  page.fingerprint ??= queryFingerprint(page.providers, page.filter);
  return page.fingerprint;
}

export interface ListResult {
  edges: ListEdge[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number | null;
  /** Providers that failed: their items are missing from this page and their position is kept for the next. */
  failures: (ProviderError | UpstreamBudgetExceededError)[];
}

/** One provider's items in native order (newest first), fetched a page at a time and only when needed. */
class ProviderStream {
  private page: ListPage | null = null;
  failure: ProviderError | UpstreamBudgetExceededError | null = null;

  constructor(
    readonly provider: CustomerProvider,
    public position: StreamPosition,
    private readonly filter: CustomerFilter,
    private readonly environment: LoaderEnvironment,
    private readonly loaders: Loaders,
  ) {}

  /**
   * The next item when it is known without a call: the item, null when the provider has no more, or undefined when
   * `head` must run first (the page is not read yet, or used up). Rows of a page in hand cost no promise.
   */
  peek(): Customer | null | undefined {
    if (this.position.done || this.failure !== null) return null;
    return this.page === null ? undefined : this.page.customers[this.position.index];
  }

  /** The next item, fetching a page when the current one is used up; null when the provider has no more. */
  async head(): Promise<Customer | null> {
    while (!this.position.done && this.failure === null) {
      if (this.page === null) {
        try {
          this.page = await this.environment.listings.track(
            this.provider.name,
            this.provider.customers.list(
              { limit: this.position.pageSize, cursor: this.position.cursor, filter: this.filter },
              this.environment.calls,
            ),
          );
        } catch (error) {
          this.failure = error instanceof ProviderError || error instanceof UpstreamBudgetExceededError ? error : new ProviderError({ provider: this.provider.name, code: 'UPSTREAM_ERROR', message: String(error), cause: error });
          return null;
        }
        if (this.page.totalCount !== null) this.position = { ...this.position, total: this.page.totalCount };
        for (const customer of this.page.customers) this.loaders.learn(customer);
      }
      const item = this.page.customers[this.position.index];
      if (item !== undefined) return item;
      if (this.page.nextCursor === null) {
        this.position = { ...this.position, done: true };
        return null;
      }
      this.position = { ...this.position, cursor: this.page.nextCursor, index: 0 };
      this.page = null;
    }
    return null;
  }

  /** Steps past the head. At the end of a page the position moves to the next page at once, so a cursor taken
   * here never costs a refetch of a page that is used up. */
  advance(): void {
    const index = this.position.index + 1;
    if (this.page !== null && index >= this.page.customers.length) {
      this.position = this.page.nextCursor === null ? { ...this.position, index, done: true } : { ...this.position, cursor: this.page.nextCursor, index: 0 };
      if (this.page.nextCursor !== null) this.page = null;
      return;
    }
    this.position = { ...this.position, index };
  }

  /** Whether more items may follow, without fetching. */
  mayHaveMore(): boolean {
    if (this.failure !== null) return true;
    if (this.position.done) return false;
    if (this.page === null) return true;
    return this.position.index < this.page.customers.length || this.page.nextCursor !== null;
  }
}

/**
 * A Relay page over one provider or several merged newest first. Each provider is read through its own native
 * pagination; the opaque cursor holds every provider's position, so paging continues correctly to the end.
 */
export async function listCustomers(query: ListQuery, environment: LoaderEnvironment, loaders: Loaders): Promise<ListResult> {
  checkFilters(query.providers, query.filter);
  const page: PageOfEdges = { providers: query.providers.map((provider) => provider.name), filter: query.filter, signer: environment.cursors, fingerprint: null };
  const saved = query.after === null ? null : decodeCursor(query.after, fingerprintOf(page), environment.cursors);
  const streams = query.providers.map((provider) => {
    const pageSize = Math.max(1, Math.min(query.first, provider.limits.maxPageSize));
    const position = saved?.[provider.name] ?? { cursor: null, index: 0, pageSize, done: false, total: null };
    return new ProviderStream(provider, position, query.filter, environment, loaders);
  });

  const edges: ListEdge[] = [];
  const heads: (Customer | null)[] = streams.map(() => null);
  while (edges.length < query.first) {
    // Each provider's next item; only a provider whose page is used up is awaited.
    let fetching: Promise<void>[] | null = null;
    for (let index = 0; index < streams.length; index++) {
      const stream = streams[index] as ProviderStream;
      const known = stream.peek();
      if (known !== undefined) heads[index] = known;
      else (fetching ??= []).push(stream.head().then((item) => void (heads[index] = item)));
    }
    if (fetching !== null) await Promise.all(fetching);
    let newest = -1;
    for (let index = 0; index < heads.length; index++) {
      const item = heads[index] as Customer | null;
      if (item !== null && (newest === -1 || isNewer(item, heads[newest] as Customer))) newest = index;
    }
    if (newest === -1) break;
    (streams[newest] as ProviderStream).advance();
    // Positions are replaced, never changed in place, so keeping the references keeps this moment's snapshot.
    edges.push(new ListEdge(heads[newest] as Customer, streams.map((stream) => stream.position), page));
  }
  const failures = streams.flatMap((stream) => (stream.failure === null ? [] : [stream.failure]));
  const totals = streams.map((stream) => stream.position.total);
  const totalCount = failures.length === 0 && totals.every((total) => total !== null) ? totals.reduce((sum: number, total) => sum + (total ?? 0), 0) : null;
  return {
    edges,
    hasNextPage: streams.some((stream) => stream.mayHaveMore()),
    hasPreviousPage: query.after !== null,
    totalCount,
    failures,
  };
}

/** Newest first; ties broken by provider and id so the merged order is total and stable. */
function isNewer(candidate: Customer, current: Customer): boolean {
  const a = candidate.createdAt?.getTime() ?? 0;
  const b = current.createdAt?.getTime() ?? 0;
  if (a !== b) return a > b;
  if (candidate.provider !== current.provider) return candidate.provider < current.provider;
  return candidate.providerId > current.providerId;
}

const filterFields: readonly CustomerFilterField[] = ['email', 'createdAfter', 'createdBefore', 'search'];

/** A filter a provider cannot apply is an error naming both: never silently ignored. */
function checkFilters(providers: readonly CustomerProvider[], filter: CustomerFilter): void {
  const given = filterFields.filter((field) => filter[field] !== undefined && filter[field] !== null);
  const problems: string[] = [];
  for (const provider of providers) {
    const unsupported = given.filter((field) => !provider.limits.listFilters.includes(field));
    if (unsupported.length > 0) {
      const supported = provider.limits.listFilters.join(', ') || 'none';
      problems.push(`${provider.displayName} cannot filter by ${unsupported.join(', ')} (it supports: ${supported})`);
    }
  }
  if (problems.length > 0) {
    throw badUserInput(`Unsupported customer filter: ${problems.join('; ')}. Choose a provider that supports it, or drop the filter.`, 'UNSUPPORTED_FILTER');
  }
}
