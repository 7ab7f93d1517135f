import type { OrbCustomerRecord } from './orb-types';

/** Where a page starts: the sort key of the last record the previous page returned. */
export interface OrbPosition {
  createdAtMs: number;
  id: string;
}

export interface OrbPageRequest {
  after: OrbPosition | null;
  limit: number;
  /** Inclusive/exclusive bounds on `created_at`, in milliseconds (`created_at[gt|gte|lt|lte]`). */
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}

/**
 * The customers, in memory. Live customers sit in one array kept newest first (`created_at` desc, then id desc),
 * sorted once after seeding and kept sorted by binary insertion, so a list never re-sorts and a cursor (the last
 * key seen) stays valid while others write: a walk sees every live record exactly once.
 */
export class OrbCustomerStore {
  private readonly byId = new Map<string, OrbCustomerRecord>();
  private readonly byExternalId = new Map<string, OrbCustomerRecord>();
  private readonly ordered: OrbCustomerRecord[] = [];
  private sorted = true;

  /** Seeding: append, and sort once on first read. */
  seed(record: OrbCustomerRecord): void {
    this.index(record);
    this.ordered.push(record);
    this.sorted = false;
  }

  insert(record: OrbCustomerRecord): void {
    this.ensureSorted();
    this.index(record);
    this.ordered.splice(this.firstAfter(record), 0, record);
  }

  get(id: string): OrbCustomerRecord | undefined {
    return this.byId.get(id);
  }

  /** The customer holding an external id; a deleted one keeps answering with its tombstone until the id is reused. */
  getByExternalId(externalId: string): OrbCustomerRecord | undefined {
    return this.byExternalId.get(externalId);
  }

  setExternalId(record: OrbCustomerRecord, externalId: string): void {
    this.byExternalId.set(externalId, record);
    record.customer.external_customer_id = externalId;
  }

  markDeleted(record: OrbCustomerRecord): void {
    this.ensureSorted();
    record.deleted = true;
    const index = this.firstAfter(record) - 1;
    if (this.ordered[index] === record) this.ordered.splice(index, 1);
  }

  count(): number {
    return this.ordered.length;
  }

  page(request: OrbPageRequest): { records: OrbCustomerRecord[]; hasMore: boolean } {
    this.ensureSorted();
    // Newest first, so upper bounds on created_at decide where to start and lower bounds where to stop.
    let start = 0;
    if (request.after !== null) start = this.firstAfter(request.after);
    if (request.lt !== undefined) start = Math.max(start, this.firstAfter({ createdAtMs: request.lt, id: '' }, true));
    if (request.lte !== undefined) start = Math.max(start, this.firstAfter({ createdAtMs: request.lte + 1, id: '' }, true));
    const records: OrbCustomerRecord[] = [];
    let index = start;
    for (; index < this.ordered.length && records.length < request.limit; index++) {
      const record = this.ordered[index] as OrbCustomerRecord;
      if (!this.aboveLowerBounds(record, request)) return { records, hasMore: false };
      records.push(record);
    }
    const next = this.ordered[index];
    return { records, hasMore: next !== undefined && this.aboveLowerBounds(next, request) };
  }

  private aboveLowerBounds(record: OrbCustomerRecord, request: OrbPageRequest): boolean {
    if (request.gt !== undefined && !(record.createdAtMs > request.gt)) return false;
    if (request.gte !== undefined && !(record.createdAtMs >= request.gte)) return false;
    return true;
  }

  private index(record: OrbCustomerRecord): void {
    this.byId.set(record.customer.id, record);
    const externalId = record.customer.external_customer_id;
    if (externalId !== null) this.byExternalId.set(externalId, record);
  }

  private ensureSorted(): void {
    if (this.sorted) return;
    this.ordered.sort((left, right) => compare(left, right));
    this.sorted = true;
  }

  /**
   * The index of the first record that sorts after `position` (newest-first order). With `atOrOlder`, the first
   * record created strictly before `position.createdAtMs` (used for the `lt` bound, whose id part is irrelevant).
   */
  private firstAfter(position: OrbPosition | OrbCustomerRecord, atOrOlder = false): number {
    const key = 'customer' in position ? { createdAtMs: position.createdAtMs, id: position.customer.id } : position;
    let low = 0;
    let high = this.ordered.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const record = this.ordered[middle] as OrbCustomerRecord;
      const after = atOrOlder ? record.createdAtMs < key.createdAtMs : compareKeys(record.createdAtMs, record.customer.id, key.createdAtMs, key.id) > 0;
      if (after) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}

function compare(left: OrbCustomerRecord, right: OrbCustomerRecord): number {
  return compareKeys(left.createdAtMs, left.customer.id, right.createdAtMs, right.customer.id);
}

/** Negative when the first key comes first in the list (newer, or same instant and larger id). */
function compareKeys(leftMs: number, leftId: string, rightMs: number, rightId: string): number {
  if (leftMs !== rightMs) return rightMs - leftMs;
  return leftId === rightId ? 0 : leftId > rightId ? -1 : 1;
}
