import type { Logger } from '../logger';
import type { Customer, CustomerProvider } from '../providers/spec/provider';
import type { IdentityStore } from '../state/state-port';

export interface WalkReport {
  pages: number;
  seen: number;
}

/**
 * The full walk: every customer, newest first, in pages of the provider's largest size. Entries already in the
 * store keep their mapping, so newer customers (seen first) and the gateway's own writes win.
 */
export async function walkAll(provider: CustomerProvider, store: IdentityStore, scope: string, logger: Logger, extend: () => Promise<void>): Promise<WalkReport> {
  let cursor: string | null = null;
  let pages = 0;
  let seen = 0;
  do {
    const page = await provider.customers.list({ limit: provider.limits.maxPageSize, cursor, filter: {} });
    seen += page.customers.length;
    // A deleted record may keep its external ID (a tombstone): only live customers are indexed.
    const live = page.customers.filter((customer) => customer.externalId !== null && customer.status !== 'DELETED');
    await store.recordMany(scope, live.map((customer) => ({ id: customer.providerId, externalId: customer.externalId as string })), { keepExisting: true });
    pages++;
    if (pages % 50 === 0) {
      logger.info(`identity index: ${provider.name} ${seen} customers read (${pages} pages)…`);
      await extend();
    }
    cursor = page.nextCursor;
  } while (cursor !== null);
  return { pages, seen };
}

/**
 * The incremental refresh after a restart: only customers created since `since`, newest first, through the
 * provider's creation-time filter where it has one; without one, the newest-first walk stops at the first page
 * that reaches back past `since`. What it finds overrides the store: it is newer than what the store holds.
 */
export async function walkSince(provider: CustomerProvider, store: IdentityStore, scope: string, since: Date): Promise<WalkReport> {
  const filter = provider.limits.listFilters.includes('createdAfter') ? { createdAfter: since } : {};
  let cursor: string | null = null;
  let pages = 0;
  let seen = 0;
  const claimed = new Set<string>();
  for (;;) {
    const page = await provider.customers.list({ limit: provider.limits.maxPageSize, cursor, filter });
    pages++;
    const recent = page.customers.filter((customer) => customer.createdAt === null || customer.createdAt >= since);
    seen += recent.length;
    const entries: { id: string; externalId: string }[] = [];
    for (const customer of recent) {
      if (customer.status === 'DELETED' || customer.externalId === null) {
        await store.record(scope, customer.providerId, null);
        continue;
      }
      // Newest first: within the refresh, the first customer seen under an external ID wins.
      if (claimed.has(customer.externalId)) continue;
      claimed.add(customer.externalId);
      entries.push({ id: customer.providerId, externalId: customer.externalId });
    }
    await store.recordMany(scope, entries, { keepExisting: false });
    cursor = page.nextCursor;
    if (cursor === null || reachesBack(page.customers, since)) return { pages, seen };
  }
}

function reachesBack(customers: readonly Customer[], since: Date): boolean {
  const oldest = customers.at(-1)?.createdAt;
  return oldest != null && oldest < since;
}
