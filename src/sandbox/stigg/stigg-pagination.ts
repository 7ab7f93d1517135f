import type { SandboxResponse } from '../shared/sandbox-http';
import { invalidArgument } from './stigg-errors';
import type { StiggOrderedRecord } from './stigg-types';

/**
 * Stigg's cursor pages (`MyCursorIDPage` in the SDK): `after` / `before` take a UUID cursor, `limit` is 1–100
 * (default 20; out of range is a 400, the documented "Required range: 1 <= x <= 100"), and the answer is
 * `{data, pagination: {next?, prev?}}`. The docs' older `starting_after` / `ending_before` spellings are accepted
 * too. The order is not documented; the simulator lists newest first, which the gateway relies on.
 */

export interface PageQuery {
  limit: number;
  after: string | null;
  before: string | null;
}

export interface CursorPage<T> {
  items: T[];
  next: string | null;
  prev: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

export function parsePageQuery(query: URLSearchParams): PageQuery | SandboxResponse {
  let limit = DEFAULT_LIMIT;
  const rawLimit = query.get('limit');
  if (rawLimit !== null) {
    if (!/^-?\d+$/.test(rawLimit)) return invalidArgument('limit must be an integer number');
    limit = Number(rawLimit);
    if (limit < 1) return invalidArgument('limit must not be less than 1');
    if (limit > MAX_LIMIT) return invalidArgument(`limit must not be greater than ${MAX_LIMIT}`);
  }
  const after = query.get('after') ?? query.get('starting_after');
  const before = query.get('before') ?? query.get('ending_before');
  if (after !== null && before !== null) return invalidArgument('after and before cannot be used together');
  for (const [name, value] of [['after', after], ['before', before]] as const) {
    if (value !== null && !UUID.test(value)) return invalidArgument(`${name} must be a UUID`);
  }
  return { limit, after, before };
}

/** Newest first; the sequence breaks ties between records created in the same millisecond. */
export function newestFirst(left: StiggOrderedRecord, right: StiggOrderedRecord): number {
  return right.createdAtMs - left.createdAtMs || right.sequence - left.sequence;
}

/** Index of `record` in a newest-first array (binary search), or where it would be inserted. */
export function positionOf(ordered: readonly StiggOrderedRecord[], record: StiggOrderedRecord): number {
  let low = 0;
  let high = ordered.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (newestFirst(ordered[middle] as StiggOrderedRecord, record) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function insertOrdered<T extends StiggOrderedRecord>(ordered: T[], record: T): void {
  ordered.splice(positionOf(ordered, record), 0, record);
}

/**
 * One page of `ordered` (newest first) restricted to `matches`, after or before the record at `cursorIndex`.
 * Records keep their place for life (ordering keys never change), so a forward walk sees every record that
 * existed when it started exactly once, whatever is written meanwhile.
 */
export function cursorPage<T extends StiggOrderedRecord>(
  ordered: readonly T[],
  matches: (record: T) => boolean,
  cursor: { direction: 'after' | 'before'; index: number } | null,
  limit: number,
  cursorOf: (record: T) => string,
): CursorPage<T> {
  const picked: number[] = [];
  if (cursor?.direction === 'before') {
    for (let index = cursor.index - 1; index >= 0 && picked.length < limit; index--) if (matches(ordered[index] as T)) picked.push(index);
    picked.reverse();
  } else {
    const start = cursor === null ? 0 : cursor.index + 1;
    for (let index = start; index < ordered.length && picked.length < limit; index++) if (matches(ordered[index] as T)) picked.push(index);
  }
  const items = picked.map((index) => ordered[index] as T);
  if (picked.length === 0) return { items, next: null, prev: null };
  const first = picked[0] as number;
  const last = picked[picked.length - 1] as number;
  const anyMatch = (from: number, to: number, step: number) => {
    for (let index = from; index !== to; index += step) if (matches(ordered[index] as T)) return true;
    return false;
  };
  return {
    items,
    next: anyMatch(last + 1, ordered.length, 1) ? cursorOf(items[items.length - 1] as T) : null,
    prev: anyMatch(first - 1, -1, -1) ? cursorOf(items[0] as T) : null,
  };
}
