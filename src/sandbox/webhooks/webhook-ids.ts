import { randomBytes, randomUUID } from 'node:crypto';

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Event ids are random, not seeded: an event happens at run time, and two runs' events must never share an id. */
export function randomAlphanumeric(length: number, alphabet = ALPHANUMERIC): string {
  const bytes = randomBytes(length);
  let text = '';
  for (const byte of bytes) text += alphabet[byte % alphabet.length];
  return text;
}

export { randomUUID };

/** Top-level fields whose values differ, with their values before: "previous attributes" / "changed fields". */
export function previousValues(before: unknown, after: unknown): Record<string, unknown> {
  if (typeof before !== 'object' || before === null || typeof after !== 'object' || after === null) return {};
  const previous: Record<string, unknown> = {};
  const old = before as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  for (const key of new Set([...Object.keys(old), ...Object.keys(now)])) {
    if (JSON.stringify(old[key]) !== JSON.stringify(now[key])) previous[key] = old[key] ?? null;
  }
  return previous;
}
