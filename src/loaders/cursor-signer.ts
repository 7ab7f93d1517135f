import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Cursors carry each provider's position and page size; unsigned, a caller could forge one that turns a page of
 * 100 into 100 upstream calls. Every cursor is `<payload>.<HMAC-SHA256 of it>` under the app's secret
 * (`CURSOR_SECRET`): instances that share the secret accept each other's cursors, nothing else is accepted.
 */
export class CursorSigner {
  constructor(private readonly secret: string) {}

  sign(payload: string): string {
    return `${payload}.${this.mac(payload)}`;
  }

  /** The payload of a cursor this secret signed, or null for anything else. */
  verify(cursor: string): string | null {
    const separator = cursor.lastIndexOf('.');
    if (separator <= 0) return null;
    const payload = cursor.slice(0, separator);
    const given = Buffer.from(cursor.slice(separator + 1), 'utf8');
    const expected = Buffer.from(this.mac(payload), 'utf8');
    return given.length === expected.length && timingSafeEqual(given, expected) ? payload : null;
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
