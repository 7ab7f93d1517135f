import type { InputRule, WritableField } from '../spec/provider';

const BOTH = ['create', 'update'] as const;

/** A text field the provider stores up to `max` characters (counted as code points, as the providers count them). */
export function maxLength(field: WritableField, max: number): InputRule {
  return {
    field,
    writes: BOTH,
    problem: (value) => (typeof value === 'string' && [...value].length > max ? `${field} must be at most ${max} characters (got ${[...value].length})` : null),
  };
}

/** A rule of the provider's own, for both writes. */
export function rule(field: WritableField, problem: (value: unknown) => string | null): InputRule {
  return { field, writes: BOTH, problem };
}
