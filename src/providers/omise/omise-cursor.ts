import { ProviderError } from '../spec/errors';

/**
 * Omise pages by offset (lists) or page number (search), so the cursor carries that position, plus the upper
 * time bound of the walk: the newest `created_at` of its first page. Pinning it keeps customers created during
 * the walk (newest first, so at the front) from pushing older ones onto the next page twice. Omise timestamps are
 * whole seconds, so a customer created in that very second can still slip in. The envelope's own `to` (the
 * request's "now") is not used: a customer created later in that same second would pass it.
 * Written as a query string (`offset=20&to=…`, `page=2&per_page=20&to=…`) so it stays readable.
 */
export interface OmiseListPosition {
  offset: number;
  to: string | null;
}

export interface OmiseSearchPosition {
  page: number;
  perPage: number | null;
  to: string | null;
}

export function encodeListCursor(position: OmiseListPosition): string {
  return new URLSearchParams(entries({ offset: String(position.offset), to: position.to })).toString();
}

export function encodeSearchCursor(position: OmiseSearchPosition): string {
  return new URLSearchParams(entries({ page: String(position.page), per_page: position.perPage === null ? null : String(position.perPage), to: position.to })).toString();
}

export function decodeListCursor(cursor: string | null): OmiseListPosition {
  if (cursor === null || cursor === '') return { offset: 0, to: null };
  const params = new URLSearchParams(cursor);
  const offset = whole(params.get('offset'), 0);
  if (offset === null) throw invalidCursor(cursor);
  return { offset, to: time(params.get('to'), cursor) };
}

export function decodeSearchCursor(cursor: string | null): OmiseSearchPosition {
  if (cursor === null || cursor === '') return { page: 1, perPage: null, to: null };
  const params = new URLSearchParams(cursor);
  const page = whole(params.get('page'), null);
  const perPage = whole(params.get('per_page'), null);
  if (page === null || page < 1 || perPage === 0) throw invalidCursor(cursor);
  return { page, perPage, to: time(params.get('to'), cursor) };
}

function entries(values: Record<string, string | null>): [string, string][] {
  return Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== null);
}

function whole(value: string | null, fallback: number | null): number | null {
  if (value === null) return fallback;
  return /^\d{1,9}$/.test(value) ? Number(value) : null;
}

function time(value: string | null, cursor: string): string | null {
  if (value === null) return null;
  if (Number.isNaN(Date.parse(value))) throw invalidCursor(cursor);
  return value;
}

function invalidCursor(cursor: string): ProviderError {
  return new ProviderError({ provider: 'omise', code: 'VALIDATION', message: `not an Omise list cursor: ${cursor.slice(0, 80)}`, field: 'after', retryable: false });
}
