import { ProviderError } from '../spec/errors';
import type { Customer, CustomerChanges, CustomerFilter, JsonObject } from '../spec/provider';
import { isObject } from '../kit/payload';
import { mergeMetadata } from '../kit/metadata';
import { OMISE_EXTERNAL_ID_KEY } from './omise-capabilities';

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

/** The parts of the current customer a metadata write starts from. */
export interface OmiseMetadataBase {
  metadata: JsonObject;
  externalId: string | null;
}

/**
 * `CustomerChanges` → Omise's body (DESIGN §3): `name` → `description`, `externalId` → `metadata.external_id`.
 * Omise replaces the whole metadata map on update, so an update that touches metadata or the external id sends
 * the full map: the current one (`base`) with the patch applied and `external_id` kept unless it is changed.
 */
export function omiseCustomerBody(changes: CustomerChanges, mode: 'create' | 'update', base: OmiseMetadataBase | null): JsonObject {
  checkFields(changes);
  const body: JsonObject = {};
  if (changes.email !== undefined) body.email = changes.email;
  if (changes.name !== undefined) body.description = changes.name;
  if (touchesMetadata(changes)) {
    const start = mode === 'create' || base === null ? { metadata: {}, externalId: null } : base;
    const metadata = changes.metadata === undefined ? { ...start.metadata } : mergeMetadata(start.metadata, changes.metadata);
    const externalId = changes.externalId === undefined ? start.externalId : changes.externalId;
    if (externalId !== null && externalId !== '') metadata[OMISE_EXTERNAL_ID_KEY] = externalId;
    body.metadata = metadata;
  }
  // Provider fields go as they are: the kit has checked them against `omiseLimits.providerFields`.
  return { ...body, ...changes.providerFields };
}

/** Whether the body carries `metadata`, so an update must know the current map first. */
export function touchesMetadata(changes: CustomerChanges): boolean {
  return changes.metadata !== undefined || changes.externalId !== undefined;
}

/** The current map as the gateway sees it: `metadata` less `external_id`, and the external id beside it. */
export function metadataBase(customer: Customer): OmiseMetadataBase {
  return { metadata: customer.metadata, externalId: customer.externalId };
}

/** What the kit's limits do not cover: an empty external id (null removes it). */
function checkFields(changes: CustomerChanges): void {
  if (typeof changes.externalId === 'string' && changes.externalId.trim() === '') {
    throw invalid('externalId', 'the external id cannot be empty; use null to remove it');
  }
}

function invalid(field: string, message: string): ProviderError {
  return new ProviderError({ provider: 'omise', code: 'VALIDATION', message, field, retryable: false });
}
