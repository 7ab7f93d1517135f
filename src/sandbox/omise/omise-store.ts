import type { OmiseCustomerRecord } from './omise-types';

export type OmiseOrder = 'chronological' | 'reverse_chronological';

/**
 * The customers, in memory: by id, and in one array sorted oldest first by (`created_at`, creation sequence),
 * sorted once after seeding and kept sorted by binary insertion afterwards; `reverse_chronological` reads it
 * backwards, so a customer created in the same second as another still comes before it.
 *
 * Deleted customers stay in place (as tombstones with `deleted: true`), so deleting never moves a later record
 * to another offset. A walk newest first pins `to` to the newest `created_at` of its first page, so customers
 * created meanwhile fall outside its window and do not push older ones onto the next page twice.
 */
export class OmiseCustomerStore {
  private readonly byId = new Map<string, OmiseCustomerRecord>();
  private readonly ordered: OmiseCustomerRecord[] = [];
  private sorted = true;
  private sequence = 0;
  /** Bumped by every write, so cached search results know when they are stale. */
  version = 0;

  nextSequence(): number {
    return this.sequence++;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): OmiseCustomerRecord | undefined {
    return this.byId.get(id);
  }

  count(): number {
    return this.ordered.length;
  }

  /** Seeding: append now, sort once on the first read. */
  seed(record: OmiseCustomerRecord): void {
    this.byId.set(record.id, record);
    this.ordered.push(record);
    this.sorted = false;
  }

  insert(record: OmiseCustomerRecord): void {
    this.ensureSorted();
    this.byId.set(record.id, record);
    this.ordered.splice(this.upperBound(record.createdAtMs, 0, this.ordered.length), 0, record);
    this.version++;
  }

  /** Call after changing a record in place. */
  touched(): void {
    this.version++;
  }

  /** One page of the customers created in [fromMs, toMs], and how many there are in all. */
  page(fromMs: number, toMs: number, offset: number, limit: number, order: OmiseOrder): { records: OmiseCustomerRecord[]; total: number } {
    this.ensureSorted();
    const low = this.lowerBound(fromMs, 0, this.ordered.length);
    const high = Math.max(low, this.upperBound(toMs, low, this.ordered.length));
    const total = high - low;
    const records: OmiseCustomerRecord[] = [];
    for (let position = offset; position < Math.min(total, offset + limit); position++) {
      records.push(this.ordered[order === 'chronological' ? low + position : high - 1 - position] as OmiseCustomerRecord);
    }
    return { records, total };
  }

  /** Every customer in the given order. */
  *all(order: OmiseOrder): Generator<OmiseCustomerRecord> {
    this.ensureSorted();
    if (order === 'chronological') yield* this.ordered;
    else for (let index = this.ordered.length - 1; index >= 0; index--) yield this.ordered[index] as OmiseCustomerRecord;
  }

  /** First index in [start, end) whose `createdAtMs` is at least `ms`. */
  private lowerBound(ms: number, start: number, end: number): number {
    let low = start;
    let high = end;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.ordered[middle] as OmiseCustomerRecord).createdAtMs < ms) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** First index in [start, end) whose `createdAtMs` is after `ms`. */
  private upperBound(ms: number, start: number, end: number): number {
    let low = start;
    let high = end;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.ordered[middle] as OmiseCustomerRecord).createdAtMs <= ms) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private ensureSorted(): void {
    if (this.sorted) return;
    this.ordered.sort((left, right) => left.createdAtMs - right.createdAtMs || left.sequence - right.sequence);
    this.sorted = true;
  }
}
