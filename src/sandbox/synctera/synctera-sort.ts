import type { SyncteraCustomer } from './synctera-types';

/** The `sort_by` values of `listCustomers` (spec `customer_sort_by_query`). */
export const SORT_FIELDS = ['creation_time', 'first_name', 'last_name', 'last_updated_time'] as const;
export type SortField = (typeof SORT_FIELDS)[number];

export interface SortKey {
  field: SortField;
  descending: boolean;
}

/**
 * Synctera does not document the order without `sort_by`; oldest first is what a database hands back in
 * insertion order, and it is stable, so the sandbox uses it.
 */
export const DEFAULT_SORT: readonly SortKey[] = [{ field: 'creation_time', descending: false }];

/** Fields a write can change: orders built on them are rebuilt after a write. */
export const MUTABLE_SORT_FIELDS: ReadonlySet<SortField> = new Set(['first_name', 'last_name', 'last_updated_time']);

export function sortSpec(sort: readonly SortKey[]): string {
  return sort.map((key) => `${key.field}:${key.descending ? 'desc' : 'asc'}`).join(',');
}

/**
 * The position of a record in an order: its sort values, then its id as the tie-breaker, so the order is total
 * and a page token (the key of the last record served) finds its place again after any write.
 */
export type SortPosition = string[];

export function positionOf(customer: SyncteraCustomer, sort: readonly SortKey[]): SortPosition {
  // A prospect may lack a name: it sorts as the empty string, ahead of every name in ascending order.
  return [...sort.map((key) => customer[key.field] ?? ''), customer.id];
}

export function comparePositions(left: SortPosition, right: SortPosition, sort: readonly SortKey[]): number {
  for (let index = 0; index < sort.length; index++) {
    const a = left[index] as string;
    const b = right[index] as string;
    if (a !== b) return (a < b ? -1 : 1) * (sort[index]?.descending ? -1 : 1);
  }
  const a = left[sort.length] as string;
  const b = right[sort.length] as string;
  return a === b ? 0 : a < b ? -1 : 1;
}

export function compareCustomers(left: SyncteraCustomer, right: SyncteraCustomer, sort: readonly SortKey[]): number {
  for (const key of sort) {
    const a = left[key.field] ?? '';
    const b = right[key.field] ?? '';
    if (a !== b) return (a < b ? -1 : 1) * (key.descending ? -1 : 1);
  }
  return left.id === right.id ? 0 : left.id < right.id ? -1 : 1;
}

/** The page token: opaque to clients, it carries the order it was issued for and the last position served. */
export function encodePageToken(sort: readonly SortKey[], position: SortPosition): string {
  return Buffer.from(JSON.stringify({ sort: sortSpec(sort), after: position }), 'utf8').toString('base64url');
}

export function decodePageToken(token: string, sort: readonly SortKey[]): SortPosition | 'invalid' | 'other-sort' {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return 'invalid';
  }
  if (typeof decoded !== 'object' || decoded === null) return 'invalid';
  const { sort: spec, after } = decoded as { sort?: unknown; after?: unknown };
  if (typeof spec !== 'string' || !Array.isArray(after)) return 'invalid';
  if (spec !== sortSpec(sort)) return 'other-sort';
  if (after.length !== sort.length + 1 || !after.every((part) => typeof part === 'string')) return 'invalid';
  return after as SortPosition;
}
