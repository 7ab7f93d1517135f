import { json, type SandboxRequest, type SandboxResponse } from '../shared/sandbox-http';
import { badRequest, unprocessable } from './omise-errors';
import { integer, MAX_LIMIT, parseOrder } from './omise-list-params';
import { renderCustomer } from './omise-render';
import type { OmiseState } from './omise-state';
import type { OmiseCustomerRecord } from './omise-types';
import { createdFilter } from './omise-search-filters';
import { SearchCache } from './omise-search-matching';

/** The documented scopes. The sandbox holds customers only, so every other scope searches an empty set. */
const SCOPES = new Set([
  'charge', 'charge_schedule', 'customer', 'dispute', 'event', 'fund_account', 'link', 'log_entry', 'receipt',
  'recipient', 'refund', 'sub_merchant', 'transfer', 'transfer_schedule', 'transaction',
]);

/**
 * Customer-scope filters. The docs name no filter for customers; the official Elixir client's example is
 * `Customer.search(filters: [created: "2016-09-09"])`, so `created` is the one served. Any other name is
 * `invalid_filters` rather than silently matching everything.
 */
const CUSTOMER_FILTERS = new Set(['created']);

const DEFAULT_PER_PAGE = 30;

/** `GET /search`: `scope`, `query`, `filters[…]`, `order`, `page`, `per_page`, answered with the search envelope. */
export function createSearchHandler(state: OmiseState): (request: SandboxRequest) => SandboxResponse {
  const cache = new SearchCache(state);

  return (request) => {
    const scope = request.query.get('scope') ?? '';
    if (!SCOPES.has(scope)) return unprocessable('invalid_scope', scope === '' ? 'scope is required' : `scope ${scope} is invalid`);
    const query = request.query.get('query') ?? '';
    const filters = readFilters(request.query);
    if ('error' in filters) return filters.error;
    const page = integer(request.query.get('page'), 1);
    if (page === null || page < 1) return unprocessable('invalid_page', 'page must be greater than 0');
    const perPage = integer(request.query.get('per_page'), DEFAULT_PER_PAGE);
    if (perPage === null || perPage < 1) return unprocessable('invalid_page', 'per_page must be greater than 0');
    // The search pages state "the most recently created … first"; the parameter table disagrees, the examples win.
    const order = parseOrder(request.query.get('order'), 'reverse_chronological');
    if (order === null) return badRequest('order must be chronological or reverse_chronological');

    let records: OmiseCustomerRecord[] = [];
    if (scope === 'customer') {
      for (const name of Object.keys(filters.values)) {
        if (!CUSTOMER_FILTERS.has(name)) return unprocessable('invalid_filters', `filters[${name}] is not a filter of scope customer`);
      }
      const created = filters.values.created === undefined ? null : createdFilter(filters.values.created);
      if (created === 'invalid') return unprocessable('invalid_filters', 'filters[created] is invalid');
      records = cache.matching(order, query, created);
    }
    // The docs give `per_page` no maximum; it is held to the lists' documented 100, and the envelope says so.
    const size = Math.min(perPage, MAX_LIMIT);
    const now = state.now();
    return json(200, {
      object: 'search',
      order,
      scope,
      query,
      filters: filters.values,
      page,
      per_page: size,
      location: '/search',
      export: null,
      total_pages: Math.ceil(records.length / size),
      total: records.length,
      data: records.slice((page - 1) * size, page * size).map((record) => renderCustomer(record, now)),
    });
  };
}

/** `filters[name]=value` pairs. omise-node sends a nested object as a bare empty `filters=`: that means none. */
function readFilters(query: URLSearchParams): { values: Record<string, string> } | { error: SandboxResponse } {
  const values: Record<string, string> = {};
  for (const [key, value] of query) {
    if (key === 'filters') {
      if (value !== '') return { error: unprocessable('invalid_filters', 'filters must be given as filters[name]=value') };
      continue;
    }
    const match = key.match(/^filters\[([a-z_]+)\]$/);
    if (match !== null) values[match[1] as string] = value;
    else if (key.startsWith('filters[')) return { error: unprocessable('invalid_filters', `${key} is not a valid filter`) };
  }
  return { values };
}
