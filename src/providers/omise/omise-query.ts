import type { CustomerFilter } from '../spec/provider';
import type { OmiseListPosition, OmiseSearchPosition } from './omise-cursor';
import { isObject } from '../kit/payload';

/** Omise's own lower bound for `from` (its documented default). */
const EPOCH = '1970-01-01T00:00:00Z';
/** An upper bound past any record, for a `created` range that only has a lower end. */
const END_OF_TIME = '9999-12-31T23:59:59Z';

/**
 * `GET /customers` newest first. Query strings are form-encoded as omise-go encodes them (`url.Values`: keys
 * sorted, spaces as `+`, brackets escaped); omise-node's `querystring` cannot express the search filters at all.
 * `createdAfter` is inclusive and `createdBefore` exclusive, so adjacent windows never share a customer; both
 * are turned into whole seconds, the precision of Omise's `created_at`.
 */
export function listQuery(filter: CustomerFilter, position: OmiseListPosition, limit: number): URLSearchParams {
  const query = new URLSearchParams();
  query.set('limit', String(limit));
  query.set('offset', String(position.offset));
  query.set('order', 'reverse_chronological');
  const { from, to } = window(filter, position.to);
  if (from !== null) query.set('from', from);
  if (to !== null) query.set('to', to);
  query.sort();
  return query;
}

/** `GET /search?scope=customer`, newest first, the date window as `filters[created]=from..to`. */
export function searchQuery(filter: CustomerFilter, search: string, position: OmiseSearchPosition & { perPage: number }): URLSearchParams {
  const query = new URLSearchParams();
  query.set('scope', 'customer');
  query.set('query', search.trim());
  const { from, to } = window(filter, position.to);
  if (from !== null || to !== null) query.set('filters[created]', `${from ?? EPOCH}..${to ?? END_OF_TIME}`);
  query.set('order', 'reverse_chronological');
  query.set('page', String(position.page));
  query.set('per_page', String(position.perPage));
  query.sort();
  return query;
}

/** The newest `created_at` of a first page (lists are asked newest first): later pages stop there (see the cursor). */
export function newestCreatedAt(data: unknown[]): string | null {
  const first = data[0];
  return isObject(first) && typeof first.created_at === 'string' ? first.created_at : null;
}

function window(filter: CustomerFilter, pinned: string | null): { from: string | null; to: string | null } {
  const from = filter.createdAfter ? seconds(Math.ceil(filter.createdAfter.getTime() / 1000)) : null;
  const before = filter.createdBefore ? Math.ceil(filter.createdBefore.getTime() / 1000) - 1 : null;
  const pinnedSeconds = pinned === null ? null : Math.floor(Date.parse(pinned) / 1000);
  const upper = before === null ? pinnedSeconds : pinnedSeconds === null ? before : Math.min(before, pinnedSeconds);
  return { from, to: upper === null ? null : seconds(upper) };
}

function seconds(value: number): string {
  return new Date(value * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
