import type { ProviderHttp } from '../kit/http-client';
import type { CallOptions, ListPage, ListRequest } from '../spec/provider';
import { decodeListCursor, decodeSearchCursor, encodeListCursor, encodeSearchCursor } from './omise-cursor';
import { mapOmiseCustomer, omiseMalformed as malformed } from './omise-map';
import { isObject } from '../kit/payload';
import { listQuery, newestCreatedAt, searchQuery } from './omise-query';

/** One page of `GET /customers`, newest first; the cursor is the next offset and the walk's pinned `to`. */
export async function listPage(http: ProviderHttp, request: ListRequest, limit: number, options?: CallOptions): Promise<ListPage> {
  const position = decodeListCursor(request.cursor);
  const response = await http.send({ method: 'GET', path: '/customers', query: listQuery(request.filter, position, limit), signal: options?.signal });
  const body = response.body;
  if (!isObject(body) || !Array.isArray(body.data) || typeof body.total !== 'number') throw malformed('a customer list without data or total');
  const next = position.offset + body.data.length;
  const to = position.to ?? newestCreatedAt(body.data);
  return {
    customers: body.data.map(mapOmiseCustomer),
    nextCursor: body.data.length > 0 && next < body.total ? encodeListCursor({ offset: next, to }) : null,
    totalCount: body.total,
  };
}

/** One page of `GET /search?scope=customer`, newest first; the cursor is the next page and the pinned `to`. */
export async function searchPage(http: ProviderHttp, request: ListRequest, search: string, limit: number, options?: CallOptions): Promise<ListPage> {
  const position = decodeSearchCursor(request.cursor);
  const perPage = position.perPage ?? limit;
  const query = searchQuery(request.filter, search, { ...position, perPage });
  const response = await http.send({ method: 'GET', path: '/search', query, signal: options?.signal });
  const body = response.body;
  if (!isObject(body) || !Array.isArray(body.data) || typeof body.total !== 'number') throw malformed('a search result without data or total');
  const totalPages = typeof body.total_pages === 'number' ? body.total_pages : Math.ceil(body.total / perPage);
  const to = position.to ?? newestCreatedAt(body.data);
  return {
    customers: body.data.map(mapOmiseCustomer),
    nextCursor: body.data.length > 0 && position.page < totalPages ? encodeSearchCursor({ page: position.page + 1, perPage, to }) : null,
    totalCount: body.total,
  };
}
