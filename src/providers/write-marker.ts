import { createHash } from 'node:crypto';
import type { JsonObject } from './spec/provider';

/**
 * Providers that ignore `Idempotency-Key` (Omise, Polar) get a marker in the created record's metadata instead,
 * so that after a create whose answer was lost the gateway can find the record that attempt made. The value is a
 * digest of the key, never the key itself, and the unified `metadata` leaves it out.
 */
export const WRITE_MARKER_KEY = 'customer_graph_write';

export function writeMarker(idempotencyKey: string): string {
  return createHash('sha256').update(idempotencyKey).digest('base64url').slice(0, 32);
}

/** The metadata to send on create: the caller's, plus the marker when the write carries a key. */
export function withWriteMarker(metadata: JsonObject | undefined, idempotencyKey: string | undefined): JsonObject | undefined {
  if (idempotencyKey === undefined) return metadata;
  return { ...metadata, [WRITE_MARKER_KEY]: writeMarker(idempotencyKey) };
}

/** The metadata as callers see it: without the gateway's marker. */
export function withoutWriteMarker(metadata: JsonObject): JsonObject {
  if (!Object.hasOwn(metadata, WRITE_MARKER_KEY)) return metadata;
  const { [WRITE_MARKER_KEY]: _marker, ...rest } = metadata;
  return rest;
}

export function hasWriteMarker(metadata: unknown, idempotencyKey: string): boolean {
  return typeof metadata === 'object' && metadata !== null && (metadata as JsonObject)[WRITE_MARKER_KEY] === writeMarker(idempotencyKey);
}
