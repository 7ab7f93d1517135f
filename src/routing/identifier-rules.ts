import { badUserInput } from './bad-user-input';

/** Longer than any provider's own ids and external ids (UUIDs, `cust_test_…`, Stigg's free strings). */
export const MAX_IDENTIFIER_LENGTH = 255;

// C0 and C1 control characters: never part of an id, and some of them end a header or a log line.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// With the `u` flag a proper pair reads as one code point, so this matches only a surrogate standing alone.
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/** A control character or a lone surrogate: text that cannot travel in a path, a header or a log line. */
export function hasUnsafeCharacters(value: string): boolean {
  return CONTROL.test(value) || LONE_SURROGATE.test(value);
}

/** Why a value cannot be an id or external id, or null when it can. */
export function identifierProblem(value: string): string | null {
  if (value.trim() === '') return 'it is empty';
  if (value.length > MAX_IDENTIFIER_LENGTH) return `it is longer than ${MAX_IDENTIFIER_LENGTH} characters`;
  if (LONE_SURROGATE.test(value)) return 'it holds a lone surrogate (not valid Unicode)';
  if (CONTROL.test(value)) return 'it holds a control character';
  // Sent as a path segment, "." and ".." would name another resource ("/customers/.." is the list).
  if (value === '.' || value === '..') return 'it would read as a relative path';
  return null;
}

/** Throws `BAD_USER_INPUT` naming the argument when `value` cannot be an id or external id. */
export function checkIdentifier(value: string, argument: string): string {
  const problem = identifierProblem(value);
  if (problem !== null) throw badUserInput(`${argument} is not a valid identifier: ${problem}.`, 'INVALID_IDENTIFIER', { argument });
  return value;
}
