import type { Random } from '../shared/random';

/**
 * Stigg's list cursors are UUIDs. The simulator's are UUID-shaped too, but carry the record's sequence number in
 * the last group behind an environment-specific prefix, so no per-record UUID has to be generated or indexed
 * (seeding 100,000 people stays fast) and a cursor from another seed is recognised as foreign.
 */
export class StiggCursorCodec {
  private readonly prefix: string;

  constructor(random: Random) {
    const salt = random.string(18, '0123456789abcdef');
    this.prefix = `${salt.slice(0, 8)}-${salt.slice(8, 12)}-4${salt.slice(12, 15)}-8${salt.slice(15, 18)}-`;
  }

  encode(sequence: number): string {
    return `${this.prefix}${sequence.toString(16).padStart(12, '0')}`;
  }

  /** The sequence a cursor names, or null when this environment never issued it. */
  decode(cursor: string): number | null {
    const text = cursor.toLowerCase();
    if (!text.startsWith(this.prefix) || text.length !== this.prefix.length + 12) return null;
    const sequence = Number.parseInt(text.slice(this.prefix.length), 16);
    return Number.isSafeInteger(sequence) ? sequence : null;
  }
}
