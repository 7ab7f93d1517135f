import type { PolarValidationIssue } from './polar-errors';
import { hasLivePolarSubscription } from './polar-history';
import { readUuid4 } from './polar-request-body';
import type { PolarSortCriterion, PolarSortField } from './polar-store';
import type { PolarCustomerRecord } from './polar-types';

export interface PolarListQuery {
  page: number;
  limit: number;
  sorting: PolarSortCriterion[];
  organizationIds: string[] | null;
  email: string | null;
  search: string | null;
  active: boolean | null;
  /** `metadata[key]=value`, repeated values OR-ed, keys AND-ed. */
  metadata: Map<string, string[]>;
}

/** `API_PAGINATION_MAX_LIMIT`: larger limits are clamped, not refused. */
export const POLAR_MAX_LIMIT = 100;
const SORT_VALUES = ['created_at', '-created_at', 'email', '-email', 'name', '-name'];
const SORT_EXPECTED = "'created_at', '-created_at', 'email', '-email', 'name' or '-name'";
const TRUE_WORDS = new Set(['1', 'on', 't', 'true', 'y', 'yes']);
const FALSE_WORDS = new Set(['0', 'off', 'f', 'false', 'n', 'no']);

/** Starlette keeps the last of repeated scalar parameters. */
function last(query: URLSearchParams, name: string): string | null {
  const values = query.getAll(name);
  return values.length === 0 ? null : (values[values.length - 1] as string);
}

function readPositiveInt(query: URLSearchParams, name: string, fallback: number, issues: PolarValidationIssue[]): number {
  const text = last(query, name);
  if (text === null) return fallback;
  const loc = ['query', name];
  if (!/^\s*[+-]?\d+\s*$/.test(text)) {
    issues.push({ type: 'int_parsing', loc, msg: 'Input should be a valid integer, unable to parse string as an integer', input: text });
    return fallback;
  }
  const value = Number.parseInt(text, 10);
  if (value <= 0) issues.push({ type: 'greater_than', loc, msg: 'Input should be greater than 0', input: text, ctx: { gt: 0 } });
  return value;
}

/** Pydantic's lax booleans: `true/false`, `1/0`, `yes/no`, `on/off`, `t/f`, `y/n`, any case. */
export function readQueryBoolean(query: URLSearchParams, name: string, issues: PolarValidationIssue[]): boolean | null {
  const text = last(query, name);
  if (text === null) return null;
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  issues.push({ type: 'bool_parsing', loc: ['query', name], msg: 'Input should be a valid boolean, unable to interpret input', input: text });
  return null;
}

export function readOrganizationIds(query: URLSearchParams, issues: PolarValidationIssue[]): string[] | null {
  const values = query.getAll('organization_id');
  if (values.length === 0) return null;
  const ids: string[] = [];
  values.forEach((value, index) => {
    const id = readUuid4(value, values.length === 1 ? ['query', 'organization_id'] : ['query', 'organization_id', index], issues);
    if (id !== undefined) ids.push(id);
  });
  return ids;
}

export function parsePolarListQuery(query: URLSearchParams): PolarListQuery | PolarValidationIssue[] {
  const issues: PolarValidationIssue[] = [];
  const page = readPositiveInt(query, 'page', 1, issues);
  const limit = Math.min(readPositiveInt(query, 'limit', 10, issues), POLAR_MAX_LIMIT);
  const sortValues = query.getAll('sorting');
  const sorting: PolarSortCriterion[] = [];
  for (const value of sortValues.length === 0 ? ['-created_at'] : sortValues) {
    if (!SORT_VALUES.includes(value)) {
      issues.push({ type: 'enum', loc: ['query', 'sorting'], msg: `Input should be ${SORT_EXPECTED}`, input: value, ctx: { expected: SORT_EXPECTED } });
      continue;
    }
    sorting.push({ field: value.replace(/^-/, '') as PolarSortField, descending: value.startsWith('-') });
  }
  const active = readQueryBoolean(query, 'active', issues);
  const organizationIds = readOrganizationIds(query, issues);
  if (issues.length > 0) return issues;
  const metadata = new Map<string, string[]>();
  for (const [key, value] of query) {
    const match = /^metadata\[([^\]]+)\]/.exec(key);
    if (match !== null) metadata.set(match[1] as string, [...(metadata.get(match[1] as string) ?? []), value]);
  }
  return { page, limit, sorting, organizationIds, email: last(query, 'email'), search: last(query, 'query'), active, metadata };
}

/** JSONB `->>`: how Polar's metadata filter sees a stored value. */
function metadataText(value: string | number | boolean): string {
  return typeof value === 'string' ? value : String(value);
}

export function hasPolarFilters(query: PolarListQuery): boolean {
  return query.organizationIds !== null || query.email !== null || query.search !== null || query.active !== null || query.metadata.size > 0;
}

export function matchesPolarQuery(record: PolarCustomerRecord, query: PolarListQuery): boolean {
  if (query.organizationIds !== null && !query.organizationIds.includes(record.organizationId)) return false;
  if (query.email !== null && record.email?.toLowerCase() !== query.email.toLowerCase()) return false;
  if (query.search !== null) {
    // ILIKE: email, name and billing name contain the text; the external ID starts with it.
    const needle = query.search.toLowerCase();
    const contains = (value: string | null) => value !== null && value.toLowerCase().includes(needle);
    if (!contains(record.email) && !contains(record.name) && !contains(record.billingName) && !(record.externalId?.toLowerCase().startsWith(needle) ?? false)) return false;
  }
  if (query.active !== null && hasLivePolarSubscription(record) !== query.active) return false;
  for (const [key, values] of query.metadata) {
    const stored = record.metadata[key];
    if (stored === undefined || !values.includes(metadataText(stored))) return false;
  }
  return true;
}
