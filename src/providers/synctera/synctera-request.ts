import { ProviderError } from '../spec/errors';
import { mergeMetadata } from '../kit/metadata';
import type { Address, Customer, CustomerChanges, JsonObject, ListRequest } from '../spec/provider';
import { EXTERNAL_ID_KEY } from './synctera-map';
import { SYNCTERA_MAX_PAGE } from './synctera-capabilities';

/** The `customer_in_body` of a create. New customers are PROSPECTs unless `providerFields.status` says otherwise. */
export function createBody(changes: CustomerChanges): JsonObject {
  if (changes.name === undefined || changes.name === null) throw validation('name', 'Synctera needs a name (first and last) to create a customer');
  const body: JsonObject = { status: 'PROSPECT', ...splitName(changes.name) };
  if (changes.email !== undefined && changes.email !== null) body.email = changes.email;
  if (changes.billingAddress !== undefined && changes.billingAddress !== null) body.legal_address = legalAddress(changes.billingAddress);
  const metadata = mergeMetadata({}, changes.metadata ?? {});
  if (changes.externalId !== undefined && changes.externalId !== null) metadata[EXTERNAL_ID_KEY] = changes.externalId;
  if (Object.keys(metadata).length > 0) body.metadata = metadata;
  return { ...body, ...changes.providerFields };
}

/**
 * The `patch_customer` of an update. PATCH has no way to clear a field (nothing in `patch_customer` is
 * nullable) and a PUT would have to resend the SSN, which Synctera only ever returns as its last 4 digits, so
 * clearing email, name or address is refused rather than done by a replace that would corrupt the SSN.
 *
 * Metadata: the spec describes `metadata` as one JSON object with no merge semantics, so a PATCH replaces it.
 * The new map is therefore the current one with the patch applied, and `external_id` is always carried over.
 */
export function patchBody(changes: CustomerChanges, current: Customer | null): JsonObject {
  const body: JsonObject = {};
  if (changes.email === null) throw validation('email', 'Synctera cannot clear a customer\'s email');
  if (changes.name === null) throw validation('name', 'Synctera cannot clear a customer\'s name');
  if (changes.billingAddress === null) throw validation('billingAddress', 'Synctera cannot clear a customer\'s legal address');
  if (changes.email !== undefined) body.email = changes.email;
  if (changes.name !== undefined) Object.assign(body, splitName(changes.name));
  if (changes.billingAddress !== undefined) body.legal_address = legalAddress(changes.billingAddress);
  if (changes.metadata !== undefined || changes.externalId !== undefined) {
    if (current === null) throw new Error('patchBody: the current customer is needed to write metadata');
    // `metadata: null` clears the caller's keys (mergeMetadata's rule); the external id is put back below.
    const metadata = mergeMetadata(current.metadata, changes.metadata === undefined ? {} : changes.metadata);
    const externalId = changes.externalId === undefined ? current.externalId : changes.externalId;
    if (externalId !== null) metadata[EXTERNAL_ID_KEY] = externalId;
    body.metadata = metadata;
  }
  return { ...body, ...changes.providerFields };
}

/** Whether the update has to know the current metadata first. */
export function needsCurrent(changes: CustomerChanges): boolean {
  return changes.metadata !== undefined || changes.externalId !== undefined;
}

/** DESIGN §3: "first_name + ' ' + last_name (on write, split at the first space)". */
function splitName(name: string): { first_name: string; last_name: string } {
  const trimmed = name.trim();
  const space = trimmed.indexOf(' ');
  const first = space < 0 ? trimmed : trimmed.slice(0, space);
  const last = space < 0 ? '' : trimmed.slice(space + 1).trim();
  if (first === '' || last === '') throw validation('name', 'Synctera stores a first and a last name: give both, separated by a space');
  return { first_name: first, last_name: last };
}

function legalAddress(address: Address): JsonObject {
  const body: JsonObject = {};
  const members: [string, string | null][] = [
    ['address_line_1', address.line1],
    ['address_line_2', address.line2],
    ['city', address.city],
    ['state', address.state],
    ['postal_code', address.postalCode],
    ['country_code', address.country],
  ];
  for (const [key, value] of members) if (value !== null && value !== undefined) body[key] = value;
  return body;
}

function validation(field: string, message: string): ProviderError {
  return new ProviderError({ provider: 'synctera', code: 'VALIDATION', message, field });
}

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
