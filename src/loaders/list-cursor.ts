import type { RequestError } from '../routing/request-error';
import { createHash } from 'node:crypto';
import { badUserInput } from '../routing/bad-user-input';
import type { CursorSigner } from './cursor-signer';
import type { CustomerFilter } from '../providers/spec/provider';

/** Where one provider's part of a list stands: the native page that holds the next item, and the item in it. */
export interface StreamPosition {
  /** The provider's cursor for that page; null for its first page. */
  cursor: string | null;
  /** Items of that page already returned. */
  index: number;
  /** The page size used with this provider; kept so page- and offset-based cursors stay meaningful. */
  pageSize: number;
  /** The provider has nothing more. */
  done: boolean;
  /** The provider's total for the query, when it reported one. */
  total: number | null;
}

interface CursorPayload {
  v: 1;
  /** Which query the cursor belongs to: a cursor cannot be reused with other providers or filters. */
  q: string;
  s: Record<string, StreamPosition>;
}

export function queryFingerprint(providers: readonly string[], filter: CustomerFilter): string {
  const canonical = JSON.stringify({
    providers: [...providers].sort(),
    email: filter.email ?? null,
    createdAfter: filter.createdAfter?.toISOString() ?? null,
    createdBefore: filter.createdBefore?.toISOString() ?? null,
    search: filter.search ?? null,
  });
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 12);
}

export function encodeCursor(fingerprint: string, positions: Record<string, StreamPosition>, signer: CursorSigner): string {
  const payload: CursorPayload = { v: 1, q: fingerprint, s: positions };
  return signer.sign(Buffer.from(JSON.stringify(payload)).toString('base64url'));
}

/** The payload of a cursor this gateway signed, or null for any other text. */
function readSigned(cursor: string, signer: CursorSigner): CursorPayload | null {
  const signed = signer.verify(cursor);
  if (signed === null) return null;
  try {
    return JSON.parse(Buffer.from(signed, 'base64url').toString('utf8')) as CursorPayload;
  } catch {
    return null;
  }
}

export function decodeCursor(cursor: string, fingerprint: string, signer: CursorSigner): Record<string, StreamPosition> {
  const payload = readSigned(cursor, signer);
  if (payload === null) throw invalidCursor('it is not a cursor this API issued, or it was changed');
  if (payload?.v !== 1 || typeof payload.s !== 'object' || payload.s === null) throw invalidCursor('it is not a cursor this API issued');
  if (payload.q !== fingerprint) throw invalidCursor('it was issued for a different provider or filter; pass the same ones');
  for (const position of Object.values(payload.s)) {
    const valid =
      typeof position === 'object' &&
      position !== null &&
      (position.cursor === null || typeof position.cursor === 'string') &&
      Number.isInteger(position.index) &&
      position.index >= 0 &&
      Number.isInteger(position.pageSize) &&
      position.pageSize > 0 &&
      typeof position.done === 'boolean';
    if (!valid) throw invalidCursor('it is damaged');
  }
  return payload.s;
}

/** Each provider's page size in a cursor this gateway signed (for estimating a page's upstream calls), else null. */
export function cursorPageSizes(cursor: string, signer: CursorSigner): Record<string, number> | null {
  const payload = readSigned(cursor, signer);
  if (payload === null || typeof payload.s !== 'object' || payload.s === null) return null;
  const sizes: Record<string, number> = {};
  for (const [provider, position] of Object.entries(payload.s)) {
    if (Number.isInteger(position?.pageSize) && position.pageSize > 0) sizes[provider] = position.pageSize;
  }
  return sizes;
}

function invalidCursor(reason: string): RequestError {
  return badUserInput(`Invalid cursor: ${reason}.`, 'INVALID_CURSOR');
}
