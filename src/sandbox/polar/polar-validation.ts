import { isPlainObject } from '../shared/sandbox-http';
import type { PolarValidationIssue } from './polar-errors';
import type { PolarMetadata } from './polar-types';

/**
 * Pydantic-shaped checks for Polar's input schemas. Each reader returns the parsed value, or `undefined` after
 * pushing its errors, so one request reports every bad field at once, as pydantic does.
 */
export type Location = (string | number)[];
export type Issues = PolarValidationIssue[];

export function stringIssue(loc: Location, input: unknown): PolarValidationIssue {
  return { type: 'string_type', loc, msg: 'Input should be a valid string', input };
}

/** `EmptyStrToNone`: strings are stripped and an empty one becomes null. */
export function readNullableString(value: unknown, loc: Location, issues: Issues, maxLength?: number): string | null | undefined {
  if (value === null) return null;
  if (typeof value !== 'string') {
    issues.push(stringIssue(loc, value));
    return undefined;
  }
  if (maxLength !== undefined && [...value].length > maxLength) {
    issues.push({ type: 'string_too_long', loc, msg: `String should have at most ${maxLength} characters`, input: value, ctx: { max_length: maxLength } });
    return undefined;
  }
  const stripped = value.trim();
  return stripped === '' ? null : stripped;
}

/** email-validator's reasons, wrapped the way pydantic reports `EmailStr` failures. */
export function readEmail(value: unknown, loc: Location, issues: Issues): string | undefined {
  if (typeof value !== 'string') {
    issues.push(stringIssue(loc, value));
    return undefined;
  }
  const parts = value.split('@');
  let reason: string | null = null;
  if (parts.length !== 2) reason = 'The email address is not valid. It must have exactly one @-sign.';
  else if (parts[0] === '') reason = 'There must be something before the @-sign.';
  else if (/\s/.test(value)) reason = 'The email address contains invalid characters.';
  else if (!(parts[1] ?? '').includes('.')) reason = 'The part after the @-sign is not valid. It should have a period.';
  if (reason !== null) {
    issues.push({ type: 'value_error', loc, msg: `value is not a valid email address: ${reason}`, input: value, ctx: { reason } });
    return undefined;
  }
  return value;
}

const METADATA_MAX_KEYS = 50;

/** `dict[str(1..40), str(1..500) | int | float | bool]` with at most 50 keys. */
export function readMetadata(value: unknown, loc: Location, issues: Issues): PolarMetadata | undefined {
  if (!isPlainObject(value)) {
    issues.push({ type: 'dict_type', loc, msg: 'Input should be a valid dictionary', input: value });
    return undefined;
  }
  const entries = Object.entries(value);
  const before = issues.length;
  if (entries.length > METADATA_MAX_KEYS) {
    issues.push({
      type: 'too_long',
      loc,
      msg: `Dictionary should have at most ${METADATA_MAX_KEYS} items after validation, not ${entries.length}`,
      input: value,
      ctx: { field_type: 'Dictionary', max_length: METADATA_MAX_KEYS, actual_length: entries.length },
    });
  }
  const metadata: PolarMetadata = {};
  for (const [key, entry] of entries) {
    const keyLength = [...key].length;
    if (keyLength < 1 || keyLength > 40) {
      const tooShort = keyLength < 1;
      issues.push({
        type: tooShort ? 'string_too_short' : 'string_too_long',
        loc: [...loc, key, '[key]'],
        msg: tooShort ? 'String should have at least 1 character' : 'String should have at most 40 characters',
        input: key,
        ctx: tooShort ? { min_length: 1 } : { max_length: 40 },
      });
    }
    if (typeof entry === 'number' || typeof entry === 'boolean') metadata[key] = entry;
    else if (typeof entry === 'string' && entry.length >= 1 && [...entry].length <= 500) metadata[key] = entry;
    else issues.push(...metadataValueIssues([...loc, key], entry));
  }
  return issues.length === before ? metadata : undefined;
}

/** A smart union that no member accepts reports one error per member. */
function metadataValueIssues(loc: Location, input: unknown): PolarValidationIssue[] {
  const text = typeof input === 'string';
  const length = text ? [...input].length : 0;
  return [
    text
      ? length < 1
        ? { type: 'string_too_short', loc: [...loc, 'constrained-str'], msg: 'String should have at least 1 character', input, ctx: { min_length: 1 } }
        : { type: 'string_too_long', loc: [...loc, 'constrained-str'], msg: 'String should have at most 500 characters', input, ctx: { max_length: 500 } }
      : stringIssue([...loc, 'constrained-str'], input),
    { type: text ? 'int_parsing' : 'int_type', loc: [...loc, 'int'], msg: text ? 'Input should be a valid integer, unable to parse string as an integer' : 'Input should be a valid integer', input },
    { type: text ? 'float_parsing' : 'float_type', loc: [...loc, 'float'], msg: text ? 'Input should be a valid number, unable to parse string as a number' : 'Input should be a valid number', input },
    { type: text ? 'bool_parsing' : 'bool_type', loc: [...loc, 'bool'], msg: text ? 'Input should be a valid boolean, unable to interpret input' : 'Input should be a valid boolean', input },
  ];
}
