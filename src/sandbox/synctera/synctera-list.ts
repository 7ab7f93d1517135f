import { json, type SandboxResponse } from '../shared/sandbox-http';
import { problem } from './synctera-errors';
import { compareCustomers, decodePageToken, DEFAULT_SORT, encodePageToken, positionOf, SORT_FIELDS, type SortField, type SortKey } from './synctera-sort';
import type { SyncteraCustomerStore } from './synctera-store';
import { addFilters, type Predicate } from './synctera-filters';
import { UUID_PATTERN, type SyncteraCustomer } from './synctera-types';

const DEFAULT_LIMIT = 100;
/** "If the limit is greater than 100, then it will be set to 100" (spec `limit`). */
const MAX_LIMIT = 100;

/** `GET /v0/customers`: every documented filter, `sort_by`, `limit` and keyset page tokens. */
export function listCustomers(store: SyncteraCustomerStore, query: URLSearchParams): SandboxResponse {
  const limitText = query.get('limit');
  let limit = DEFAULT_LIMIT;
  if (limitText !== null) {
    if (!/^\d+$/.test(limitText) || Number(limitText) < 1) return badQuery('limit must be an integer greater than or equal to 1');
    limit = Math.min(Number(limitText), MAX_LIMIT);
  }

  const sort = parseSort(query);
  if (typeof sort === 'string') return badQuery(sort);

  const predicates: Predicate[] = [];
  const problemText = addFilters(query, predicates);
  if (problemText !== null) return badQuery(problemText);

  // `id` is an array with style=form, explode=false (`id=a,b,c`); repeated `id=` parameters are accepted too.
  const idValues = query.getAll('id').flatMap((value) => value.split(',')).filter((value) => value !== '');
  const badId = idValues.find((id) => !UUID_PATTERN.test(id));
  if (badId !== undefined) return badQuery(`id: "${badId}" is not a valid UUID`);

  let candidates: readonly string[];
  let start = 0;
  if (idValues.length > 0) {
    const wanted = [...new Set(idValues.map((id) => id.toLowerCase()))];
    const found = wanted.map((id) => store.get(id)).filter((customer): customer is SyncteraCustomer => customer !== undefined);
    found.sort((left, right) => compareCustomers(left, right, sort));
    candidates = found.map((customer) => customer.id);
  } else {
    candidates = store.ordered(sort);
  }

  const token = query.get('page_token');
  if (token !== null && token !== '') {
    const position = decodePageToken(token, sort);
    if (position === 'invalid') return badQuery('page_token is not valid');
    if (position === 'other-sort') return badQuery('page_token was issued for a different sort_by');
    start = store.firstAfter(candidates, sort, position);
  }

  const page: SyncteraCustomer[] = [];
  let more = false;
  for (let index = start; index < candidates.length; index++) {
    const customer = store.get(candidates[index] as string) as SyncteraCustomer;
    if (!predicates.every((matches) => matches(customer))) continue;
    if (page.length === limit) {
      more = true;
      break;
    }
    page.push(customer);
  }
  const last = page[page.length - 1];
  const body: { customers: SyncteraCustomer[]; next_page_token?: string } = { customers: page };
  // "Not returned if there are no more rows."
  if (more && last !== undefined) body.next_page_token = encodePageToken(sort, positionOf(last, sort));
  return json(200, body);
}

function badQuery(detail: string): SandboxResponse {
  return problem('BAD_QUERY_PARAMETER', detail);
}

function parseSort(query: URLSearchParams): SortKey[] | string {
  const values = query.getAll('sort_by').flatMap((value) => value.split(',')).filter((value) => value !== '');
  if (values.length === 0) return [...DEFAULT_SORT];
  const sort: SortKey[] = [];
  for (const value of values) {
    const [field, direction, ...rest] = value.split(':');
    if (!SORT_FIELDS.includes(field as SortField) || (direction !== 'asc' && direction !== 'desc') || rest.length > 0) {
      return `sort_by: "${value}" is not one of ${SORT_FIELDS.flatMap((name) => [`${name}:asc`, `${name}:desc`]).join(', ')}`;
    }
    sort.push({ field: field as SortField, descending: direction === 'desc' });
  }
  return sort;
}
