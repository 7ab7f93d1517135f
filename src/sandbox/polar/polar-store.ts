import type { PolarCustomerRecord } from './polar-types';

export type PolarSortField = 'created_at' | 'email' | 'name';
export interface PolarSortCriterion {
  field: PolarSortField;
  descending: boolean;
}

interface SortedView {
  criteria: readonly PolarSortCriterion[];
  records: PolarCustomerRecord[];
}

/**
 * The organization's customers in memory. Deleted customers stay (Polar soft-deletes) but leave every index that
 * reads use. A sorted view is built once per sort order asked for, then kept in order on each write by binary
 * search, so neither a list nor a write re-sorts 100,000 records.
 */
export class PolarCustomerStore {
  private readonly byId = new Map<string, PolarCustomerRecord>();
  private readonly byExternalId = new Map<string, PolarCustomerRecord>();
  private readonly byEmail = new Map<string, PolarCustomerRecord>();
  /** External IDs kept by anonymised deleted customers: the unique constraint still holds them. */
  private readonly retainedExternalIds = new Set<string>();
  private readonly views = new Map<string, SortedView>();
  private live = 0;

  constructor(records: readonly PolarCustomerRecord[]) {
    for (const record of records) {
      this.byId.set(record.id, record);
      if (record.deletedAt !== null) continue;
      this.index(record);
      this.live++;
    }
  }

  get(id: string): PolarCustomerRecord | undefined {
    const record = this.byId.get(id);
    return record?.deletedAt === null ? record : undefined;
  }

  getByExternalId(externalId: string): PolarCustomerRecord | undefined {
    return this.byExternalId.get(externalId);
  }

  /** Polar compares emails case-insensitively (`func.lower(email)`). */
  emailOwner(email: string): PolarCustomerRecord | undefined {
    return this.byEmail.get(email.toLowerCase());
  }

  externalIdTaken(externalId: string): boolean {
    return this.byExternalId.has(externalId) || this.retainedExternalIds.has(externalId);
  }

  liveCount(): number {
    return this.live;
  }

  insert(record: PolarCustomerRecord): void {
    this.byId.set(record.id, record);
    this.index(record);
    this.live++;
    for (const view of this.views.values()) view.records.splice(position(view, record), 0, record);
  }

  /** Runs a change to a live record, keeping the indexes and the sorted views in step with it. */
  update(record: PolarCustomerRecord, change: () => void): void {
    this.unindex(record);
    const moved = [...this.views.values()].filter((view) => view.criteria.some((criterion) => criterion.field !== 'created_at'));
    for (const view of moved) view.records.splice(position(view, record), 1);
    change();
    for (const view of moved) view.records.splice(position(view, record), 0, record);
    this.index(record);
  }

  remove(record: PolarCustomerRecord, deleteRecord: () => void): void {
    this.unindex(record);
    for (const view of this.views.values()) view.records.splice(position(view, record), 1);
    deleteRecord();
    if (record.externalId !== null) this.retainedExternalIds.add(record.externalId);
    this.live--;
  }

  /** Live customers in the given order; ties fall back to the id so pages never overlap. */
  sorted(criteria: readonly PolarSortCriterion[]): readonly PolarCustomerRecord[] {
    const key = criteria.map((criterion) => `${criterion.descending ? '-' : ''}${criterion.field}`).join(',');
    let view = this.views.get(key);
    if (view === undefined) {
      const records = [...this.byId.values()].filter((record) => record.deletedAt === null);
      records.sort((left, right) => compareRecords(left, right, criteria));
      view = { criteria, records };
      this.views.set(key, view);
    }
    return view.records;
  }

  private index(record: PolarCustomerRecord): void {
    if (record.externalId !== null) this.byExternalId.set(record.externalId, record);
    if (record.email !== null) this.byEmail.set(record.email.toLowerCase(), record);
  }

  private unindex(record: PolarCustomerRecord): void {
    if (record.externalId !== null && this.byExternalId.get(record.externalId) === record) this.byExternalId.delete(record.externalId);
    if (record.email !== null && this.byEmail.get(record.email.toLowerCase()) === record) this.byEmail.delete(record.email.toLowerCase());
  }
}

/** Where `record` sits (or would sit) in a view: the first index whose record does not sort before it. */
function position(view: SortedView, record: PolarCustomerRecord): number {
  let low = 0;
  let high = view.records.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareRecords(view.records[middle] as PolarCustomerRecord, record, view.criteria) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function sortValue(record: PolarCustomerRecord, field: PolarSortField): number | string | null {
  if (field === 'created_at') return record.createdAt.getTime();
  return field === 'email' ? record.email : record.name;
}

/** PostgreSQL order: NULLs sort last ascending and first descending. */
function compareRecords(left: PolarCustomerRecord, right: PolarCustomerRecord, criteria: readonly PolarSortCriterion[]): number {
  for (const { field, descending } of criteria) {
    const a = sortValue(left, field);
    const b = sortValue(right, field);
    if (a === b) continue;
    const ascending = a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;
    return descending ? -ascending : ascending;
  }
  return left.id < right.id ? -1 : left.id > right.id ? 1 : 0;
}
