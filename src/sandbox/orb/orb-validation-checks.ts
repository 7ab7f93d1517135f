import { isPlainObject } from '../shared/sandbox-http';
import { issue, type OrbValidationIssue } from './orb-errors';

/** Small pydantic-like checks: each pushes Orb-style `validation_errors` entries for one value. */
export type Check = (value: unknown, field: string, issues: OrbValidationIssue[]) => void;

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const ADDRESS_KEYS = new Set(['city', 'country', 'line1', 'line2', 'postal_code', 'state']);

export const string = (max: number, pattern?: RegExp, what = 'a valid value', allowEmpty = false): Check => (value, field, issues) => {
  if (typeof value !== 'string') return void issues.push(issue(field, 'str type expected', 'type_error.str'));
  if (!allowEmpty && value.trim() === '') return void issues.push(issue(field, 'ensure this value is not empty', 'value_error.any_str.min_length'));
  if (value.length > max) return void issues.push(issue(field, `ensure this value has at most ${max} characters`, 'value_error.any_str.max_length'));
  if (pattern !== undefined && !pattern.test(value)) issues.push(issue(field, `value is not ${what}`, 'value_error'));
};
export const boolean: Check = (value, field, issues) => {
  if (typeof value !== 'boolean') issues.push(issue(field, 'value could not be parsed to a boolean', 'type_error.bool'));
};
export const object = (check: (value: Record<string, unknown>, field: string, issues: OrbValidationIssue[]) => void): Check => (value, field, issues) => {
  if (!isPlainObject(value)) return void issues.push(issue(field, 'value is not a valid dict', 'type_error.dict'));
  check(value, field, issues);
};
export const stringMap = (allowed: Set<string> | null, valueCheck: Check): Check =>
  object((value, field, issues) => {
    for (const [key, entry] of Object.entries(value)) {
      if (allowed !== null && !allowed.has(key)) issues.push(issue([field, key], 'extra fields not permitted', 'value_error.extra'));
      else if (entry !== null) valueCheck(entry, `${field}.${key}`, issues);
    }
  });
export const timezone: Check = (value, field, issues) => {
  string(64)(value, field, issues);
  if (typeof value !== 'string') return;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
  } catch {
    issues.push(issue(field, `${value} is not a valid IANA timezone`, 'value_error'));
  }
};
export const emails: Check = (value, field, issues) => {
  if (!Array.isArray(value)) return void issues.push(issue(field, 'value is not a valid list', 'type_error.list'));
  value.forEach((entry, index) => string(500, EMAIL, 'a valid email address')(entry, `${field}.${index}`, issues));
};
export const stringList: Check = (value, field, issues) => {
  if (!Array.isArray(value)) return void issues.push(issue(field, 'value is not a valid list', 'type_error.list'));
  value.forEach((entry, index) => string(200)(entry, `${field}.${index}`, issues));
};
export const required = (keys: Record<string, Check>): Check =>
  object((value, field, issues) => {
    for (const [key, check] of Object.entries(keys)) {
      if (value[key] === undefined) issues.push(issue([field, key], 'field required', 'value_error.missing'));
      else check(value[key], `${field}.${key}`, issues);
    }
  });
