import type { OmiseState } from './omise-state';
import type { OmiseOrder } from './omise-store';
import type { OmiseCustomerRecord } from './omise-types';
import type { TimeRange } from './omise-search-filters';

/** Recent result sets, so a page walk scans the customers once instead of once per page. */
const CACHE_SIZE = 8;

interface CachedSearch {
  version: number;
  records: OmiseCustomerRecord[];
}

/** Customer-scope matching, with the last few result sets kept until the next write. */
export class SearchCache {
  private readonly entries = new Map<string, CachedSearch>();

  constructor(private readonly state: OmiseState) {}

  matching(order: OmiseOrder, query: string, created: TimeRange | null): OmiseCustomerRecord[] {
    const key = JSON.stringify([order, query, created]);
    const version = this.state.store.version;
    const cached = this.entries.get(key);
    if (cached !== undefined && cached.version === version) return cached.records;
    const terms = query.toLowerCase().split(/\s+/).filter((term) => term !== '');
    const records: OmiseCustomerRecord[] = [];
    for (const record of this.state.store.all(order)) {
      if (created !== null && (record.createdAtMs < created.fromMs || record.createdAtMs > created.toMs)) continue;
      if (terms.length > 0 && !matchesTerms(record, terms)) continue;
      records.push(record);
    }
    this.entries.delete(key);
    this.entries.set(key, { version, records });
    if (this.entries.size > CACHE_SIZE) this.entries.delete(this.entries.keys().next().value as string);
    return records;
  }
}

/**
 * The query attributes of customers are not in the docs; email, description and metadata values are the ones a
 * merchant stores about a customer (and what unofficial references list). Case-insensitive substrings; with
 * several words, each must be found somewhere (the words need not be in one attribute).
 */
function matchesTerms(record: OmiseCustomerRecord, terms: string[]): boolean {
  const haystack: string[] = [];
  if (record.email !== null) haystack.push(record.email.toLowerCase());
  if (record.description !== null) haystack.push(record.description.toLowerCase());
  collectValues(record.metadata, haystack);
  return terms.every((term) => haystack.some((text) => text.includes(term)));
}

function collectValues(value: unknown, into: string[]): void {
  if (value === null || value === undefined) return;
  if (typeof value === 'object') {
    for (const child of Object.values(value as Record<string, unknown>)) collectValues(child, into);
    return;
  }
  into.push(String(value).toLowerCase());
}
