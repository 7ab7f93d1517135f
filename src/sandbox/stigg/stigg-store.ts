import type { StiggCursorCodec } from './stigg-cursor';
import { insertOrdered, positionOf } from './stigg-pagination';
import type { StiggCustomerRecord, StiggResourceRecord } from './stigg-types';

/**
 * The customers of one simulated Stigg environment: by id, by sequence (what cursors name), and in one
 * newest-first array that is sorted once after seeding and kept sorted by binary insertion, so no request
 * re-sorts.
 */
export class StiggCustomerStore {
  private readonly byId = new Map<string, StiggCustomerRecord>();
  private readonly bySequence = new Map<number, StiggCustomerRecord>();
  private readonly ordered: StiggCustomerRecord[] = [];
  private nextSequence = 0;

  constructor(private readonly cursors: StiggCursorCodec) {}

  /** Seeding: add everything, then `sortSeeded()` once. */
  addSeeded(record: StiggCustomerRecord): void {
    this.byId.set(record.id, record);
    this.bySequence.set(record.sequence, record);
    this.ordered.push(record);
    this.nextSequence = Math.max(this.nextSequence, record.sequence + 1);
  }

  sortSeeded(): void {
    this.ordered.sort((left, right) => right.createdAtMs - left.createdAtMs || right.sequence - left.sequence);
  }

  /** A sequence number for a record created at run time. */
  takeSequence(): number {
    return this.nextSequence++;
  }

  insert(record: StiggCustomerRecord): void {
    this.byId.set(record.id, record);
    this.bySequence.set(record.sequence, record);
    insertOrdered(this.ordered, record);
  }

  get(id: string): StiggCustomerRecord | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get size(): number {
    return this.byId.size;
  }

  /** Newest first; read-only for callers. */
  list(): readonly StiggCustomerRecord[] {
    return this.ordered;
  }

  readonly cursorOf = (record: StiggCustomerRecord | StiggResourceRecord): string => this.cursors.encode(record.sequence);

  /** Where the record behind a cursor sits in `list()`, or null for a cursor this environment never issued. */
  cursorIndex(cursor: string): number | null {
    const sequence = this.cursors.decode(cursor);
    const record = sequence === null ? undefined : this.bySequence.get(sequence);
    return record === undefined ? null : positionOf(this.ordered, record);
  }

  /** The index of a resource cursor in a customer's (newest-first) resources, or null. */
  resourceCursorIndex(customer: StiggCustomerRecord, cursor: string): number | null {
    const sequence = this.cursors.decode(cursor);
    const index = customer.resources.findIndex((resource) => resource.sequence === sequence);
    return index < 0 ? null : index;
  }
}
