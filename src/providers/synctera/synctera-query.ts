import { ProviderError } from '../spec/errors';
import type { ListRequest } from '../spec/provider';
import { SYNCTERA_MAX_PAGE } from './synctera-capabilities';

/** `GET /customers` for one page of the gateway's list: newest first, page size clamped and filters checked by the kit. */
export function listQuery(request: ListRequest): URLSearchParams {
  const query = new URLSearchParams();
  query.set('limit', String(request.limit));
  query.set('sort_by', 'creation_time:desc');
  if (request.cursor !== null) query.set('page_token', request.cursor);
  const filter = request.filter;
  if (filter.email !== undefined && filter.email !== null) {
    // Synctera reads `*` in a filter as a wildcard and has no escape for it, so an exact match on such an
    // address cannot be asked for; refusing beats returning customers the caller did not ask for.
    if (filter.email.includes('*')) {
      throw new ProviderError({ provider: 'synctera', code: 'VALIDATION', message: 'Synctera cannot match an email containing "*" exactly (it is a wildcard there)', field: 'email' });
    }
    query.set('email', filter.email);
  }
  return query;
}

/**
 * `GET /customers?id=a,b,c&limit=100`: `id` is an array with style=form, explode=false, so the ids go
 * comma-joined into one parameter. (Synctera's generated Go client percent-encodes those commas as %2C;
 * a server decodes both forms alike.)
 */
export function batchQuery(ids: readonly string[]): string {
  return `id=${ids.map((id) => encodeURIComponent(id)).join(',')}&limit=${SYNCTERA_MAX_PAGE}`;
}
