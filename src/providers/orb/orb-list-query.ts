import { ProviderError } from '../spec/errors';
import type { ListRequest } from '../spec/provider';

const NAME = 'orb';

/**
 * Orb's list query (filters checked and the limit clamped by the kit), encoded as orb-node encodes it (`qs`, RFC 3986, brackets in keys percent-encoded).
 * `createdAfter` is inclusive (`created_at[gte]`), `createdBefore` exclusive (`created_at[lt]`), so adjacent
 * windows never share a customer.
 */
export function orbListQuery(request: ListRequest): string {
  const pairs: [string, string][] = [];
  const { createdAfter, createdBefore } = request.filter;
  if (createdAfter !== undefined && createdAfter !== null) pairs.push(['created_at[gte]', isoDate(createdAfter, 'createdAfter')]);
  if (createdBefore !== undefined && createdBefore !== null) pairs.push(['created_at[lt]', isoDate(createdBefore, 'createdBefore')]);
  if (request.cursor !== null && request.cursor !== '') pairs.push(['cursor', request.cursor]);
  pairs.push(['limit', String(request.limit)]);
  return pairs.map(([key, value]) => `${rfc3986(key)}=${rfc3986(value)}`).join('&');
}

function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

function isoDate(date: Date, field: string): string {
  if (Number.isNaN(date.getTime())) throw new ProviderError({ provider: NAME, code: 'VALIDATION', message: `${field} is not a valid date`, field, retryable: false });
  return date.toISOString();
}
