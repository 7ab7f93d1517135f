import { json, type SandboxRequest, type SandboxResponse } from '../shared/sandbox-http';
import { issue, orbErrors, type OrbValidationIssue } from './orb-errors';
import type { OrbCustomerStore, OrbPageRequest, OrbPosition } from './orb-store';

/** Orb's page size: default 20, at most 100 (docs.withorb.com/api-reference/pagination, current copy). */
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
const BOUNDS = ['gt', 'gte', 'lt', 'lte'] as const;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** `GET /customers`: newest first, `created_at[gt|gte|lt|lte]`, `cursor`, `limit`; other query keys are ignored. */
export function listOrbCustomers(store: OrbCustomerStore, request: SandboxRequest): SandboxResponse {
  const issues: OrbValidationIssue[] = [];
  const page: OrbPageRequest = { after: null, limit: DEFAULT_LIMIT };

  const limit = request.query.get('limit');
  if (limit !== null) {
    const value = /^\d+$/.test(limit) ? Number(limit) : Number.NaN;
    if (!Number.isInteger(value)) issues.push(issue('limit', 'value is not a valid integer', 'type_error.integer'));
    else if (value < 1 || value > MAX_LIMIT) issues.push(issue('limit', `ensure this value is between 1 and ${MAX_LIMIT}`, 'value_error.number.not_in_range'));
    else page.limit = value;
  }
  for (const bound of BOUNDS) {
    const key = `created_at[${bound}]`;
    const raw = request.query.get(key);
    if (raw === null || raw === '') continue;
    // A client that leaves `+00:00` unencoded has it decoded to a space; read it back as the offset it was.
    const text = raw.replace(/ (\d{2}:?\d{2})$/, '+$1');
    const time = DATE_TIME.test(text) ? Date.parse(text) : Number.NaN;
    if (Number.isNaN(time)) issues.push(issue(key, 'invalid datetime format', 'value_error.datetime'));
    else page[bound] = time;
  }
  const cursor = request.query.get('cursor');
  if (cursor !== null && cursor !== '') {
    const position = decodeCursor(cursor);
    if (position === null) issues.push(issue('cursor', 'invalid cursor', 'value_error'));
    else page.after = position;
  }
  if (issues.length > 0) return orbErrors.validation(issues);

  const { records, hasMore } = store.page(page);
  const last = records[records.length - 1];
  const nextCursor = hasMore && last !== undefined ? encodeCursor({ createdAtMs: last.createdAtMs, id: last.customer.id }) : null;
  return json(200, { data: records.map((record) => record.customer), pagination_metadata: { has_more: hasMore, next_cursor: nextCursor } });
}

/** Opaque to clients; inside, the sort key of the last record sent, so writes between pages shift nothing. */
function encodeCursor(position: OrbPosition): string {
  return Buffer.from(`${position.createdAtMs}:${position.id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): OrbPosition | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const match = Buffer.from(cursor, 'base64url').toString('utf8').match(/^(\d{1,15}):([0-9A-Za-z]{1,64})$/);
  return match === null ? null : { createdAtMs: Number(match[1]), id: match[2] as string };
}
