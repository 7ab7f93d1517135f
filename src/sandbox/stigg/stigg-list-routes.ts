import type { Router } from '../shared/router';
import { json, type SandboxResponse } from '../shared/sandbox-http';
import { customerNotFound, invalidArgument } from './stigg-errors';
import { cursorPage, parsePageQuery, type CursorPage, type PageQuery } from './stigg-pagination';
import { queryValue, type StiggRouteContext } from './stigg-request';
import { customerPayload, resourcePayload, type StiggCustomerRecord } from './stigg-types';

const CREATED_AT_OPERATORS = ['gt', 'gte', 'lt', 'lte'] as const;

type Cursor = { direction: 'after' | 'before'; index: number } | null;

/** The customer list (exact `email` / `name`, `createdAt[gt|gte|lt|lte]`) and a customer's resources. */
export function addListRoutes(router: Router, context: StiggRouteContext): void {
  const { store } = context;

  router.on('GET', '/api/v1/customers', (request) => {
    const page = parsePageQuery(request.query);
    if ('status' in page) return page;
    const bounds: Partial<Record<(typeof CREATED_AT_OPERATORS)[number], number>> = {};
    for (const operator of CREATED_AT_OPERATORS) {
      const value = queryValue(request.query, `createdAt[${operator}]`);
      if (value === undefined) continue;
      const time = Date.parse(value);
      if (Number.isNaN(time)) return invalidArgument(`createdAt.${operator} must be a valid ISO 8601 date string`);
      bounds[operator] = time;
    }
    const email = request.query.get('email');
    const name = request.query.get('name');
    const matches = (record: StiggCustomerRecord) =>
      (email === null || record.email === email) &&
      (name === null || record.name === name) &&
      (bounds.gt === undefined || record.createdAtMs > bounds.gt) &&
      (bounds.gte === undefined || record.createdAtMs >= bounds.gte) &&
      (bounds.lt === undefined || record.createdAtMs < bounds.lt) &&
      (bounds.lte === undefined || record.createdAtMs <= bounds.lte);
    const cursor = resolveCursor(page, (text) => store.cursorIndex(text));
    if (cursor === 'unknown') return unknownCursor(page);
    const result = cursorPage(store.list(), matches, cursor, page.limit, store.cursorOf);
    return json(200, { data: result.items.map(customerPayload), pagination: paginationObject(result) });
  });

  router.on('GET', '/api/v1/customers/:id/resources', (request, params) => {
    const customer = store.get(params.id as string);
    if (customer === undefined) return customerNotFound(params.id as string);
    const page = parsePageQuery(request.query);
    if ('status' in page) return page;
    const cursor = resolveCursor(page, (text) => store.resourceCursorIndex(customer, text));
    if (cursor === 'unknown') return unknownCursor(page);
    const result = cursorPage(customer.resources, () => true, cursor, page.limit, store.cursorOf);
    return json(200, { data: result.items.map(resourcePayload), pagination: paginationObject(result) });
  });
}

function resolveCursor(page: PageQuery, indexOf: (cursor: string) => number | null): Cursor | 'unknown' {
  const text = page.after ?? page.before;
  if (text === null) return null;
  const index = indexOf(text);
  return index === null ? 'unknown' : { direction: page.after === null ? 'before' : 'after', index };
}

/** A well-formed UUID this list never issued: undocumented; answered as a bad argument. */
function unknownCursor(page: PageQuery): SandboxResponse {
  return invalidArgument(`${page.after === null ? 'before' : 'after'} is not a cursor of this list`);
}

function paginationObject(page: Pick<CursorPage<never>, 'next' | 'prev'>): Record<string, string> {
  return { ...(page.next === null ? {} : { next: page.next }), ...(page.prev === null ? {} : { prev: page.prev }) };
}
