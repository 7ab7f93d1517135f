import type { SandboxResponse } from '../shared/sandbox-http';
import { badRequest } from './omise-errors';
import type { OmiseOrder } from './omise-store';

export interface OmiseListQuery {
  fromMs: number;
  toMs: number;
  offset: number;
  limit: number;
  order: OmiseOrder;
}

/** The documented limit: default 20, maximum 100. Larger values are clamped, as the docs' "maximum" reads. */
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Parses an ISO 8601 date or date-time (UTC unless a zone is given); null when it is not one. */
export function parseTime(text: string): number | null {
  if (!ISO_8601.test(text)) return null;
  const dateTime = text.length === 10 ? `${text}T00:00:00Z` : text.replace(' ', 'T');
  const ms = Date.parse(/(Z|[+-]\d{2}:?\d{2})$/.test(dateTime) ? dateTime : `${dateTime}Z`);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * `offset`, `limit`, `from`, `to` and `order` of every Omise list. `to` defaults to now (`nowMs`) and `from` to the
 * epoch; `order` to `chronological`. Other query parameters are ignored, as Omise ignores them.
 */
export function parseListQuery(query: URLSearchParams, nowMs: number): { list: OmiseListQuery } | { error: SandboxResponse } {
  const offset = integer(query.get('offset'), 0);
  if (offset === null || offset < 0) return { error: badRequest('offset must be an integer greater than or equal to 0') };
  const limit = integer(query.get('limit'), DEFAULT_LIMIT);
  if (limit === null || limit < 1) return { error: badRequest('limit must be an integer greater than 0') };
  const from = query.get('from');
  const fromMs = from === null || from === '' ? 0 : parseTime(from);
  if (fromMs === null) return { error: badRequest('from must be an ISO 8601 date and time') };
  const to = query.get('to');
  const toMs = to === null || to === '' ? nowMs : parseTime(to);
  if (toMs === null) return { error: badRequest('to must be an ISO 8601 date and time') };
  const order = parseOrder(query.get('order'), 'chronological');
  if (order === null) return { error: badRequest('order must be chronological or reverse_chronological') };
  return { list: { fromMs, toMs, offset, limit: Math.min(limit, MAX_LIMIT), order } };
}

export function parseOrder(value: string | null, fallback: OmiseOrder): OmiseOrder | null {
  if (value === null || value === '') return fallback;
  return value === 'chronological' || value === 'reverse_chronological' ? value : null;
}

/** A whole number from a query value (`fallback` when absent), or null when it is not one. */
export function integer(value: string | null, fallback: number): number | null {
  if (value === null || value === '') return fallback;
  if (!/^[+-]?\d{1,9}$/.test(value.trim())) return null;
  return Number(value.trim());
}
