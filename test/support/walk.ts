import { expect } from 'vitest';
import type { Customer, CustomerFilter, CustomerProvider, ListPage } from '../../src/providers/spec/provider';

/** One page of a walk: its items, and where the next page starts (null: this was the last). */
export interface WalkedPage<Item, Cursor> {
  items: readonly Item[];
  next: Cursor | null;
}

/** A walk that has not ended after this many pages is a bug (a cursor that never runs out). */
const MAX_PAGES = 1000;

/**
 * Every item of a paged list, page by page, in order. `page` gets null for the first page and then each `next`
 * it returned; a page whose `next` is null ends the walk. Raw HTTP walks over a simulator and adapter walks over
 * `customers.list` both go through here; the pagination style (cursor, offset, page number) is the caller's.
 */
export async function walkPages<Item, Cursor>(page: (cursor: Cursor | null, index: number) => Promise<WalkedPage<Item, Cursor>>): Promise<Item[]> {
  const all: Item[] = [];
  let cursor: Cursor | null = null;
  for (let index = 0; index < MAX_PAGES; index++) {
    const walked: WalkedPage<Item, Cursor> = await page(cursor, index);
    all.push(...walked.items);
    if (walked.next === null) return all;
    cursor = walked.next;
  }
  throw new Error(`the walk did not end within ${MAX_PAGES} pages`);
}

export interface CustomerWalkOptions {
  /** Page size asked for; the provider's maximum when not given. */
  limit?: number;
  filter?: CustomerFilter;
  /** Runs after each page (the last one too): assertions on the page, or changes made in the middle of a walk. */
  afterPage?: (page: ListPage, index: number) => unknown;
}

/**
 * Every customer an adapter lists, following `nextCursor` to the end. Each page is checked to hold no more than
 * the page size asked for, nor more than the provider's declared maximum.
 */
export async function walkCustomers(provider: CustomerProvider, options: CustomerWalkOptions = {}): Promise<Customer[]> {
  const maxPageSize = provider.limits.maxPageSize;
  const limit = options.limit ?? maxPageSize;
  const filter = options.filter ?? {};
  return walkPages<Customer, string>(async (cursor, index) => {
    const page = await provider.customers.list({ limit, cursor, filter });
    expect(page.customers.length).toBeLessThanOrEqual(Math.min(limit, maxPageSize));
    await options.afterPage?.(page, index);
    return { items: page.customers, next: page.nextCursor };
  });
}
