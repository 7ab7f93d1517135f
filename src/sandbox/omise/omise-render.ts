import { memoize } from '../shared/memo';
import type { OmiseOrder } from './omise-store';
import type { OmiseCustomerRecord } from './omise-types';

/** Omise's timestamp format: ISO 8601 UTC to the second, `YYYY-MM-DDThh:mm:ssZ`. */
export const formatTime = memoize((ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z'));

/** The start of all time in Omise lists (the documented default of `from`). */
export const EPOCH = '1970-01-01T00:00:00Z';

export interface ListWindow {
  fromMs: number;
  toMs: number;
  offset: number;
  limit: number;
  total: number;
  /** Null where Omise leaves it so: the card list nested in a customer. */
  order: OmiseOrder | null;
  location: string;
}

export function listEnvelope(data: unknown[], window: ListWindow): Record<string, unknown> {
  return {
    object: 'list',
    data,
    limit: window.limit,
    offset: window.offset,
    total: window.total,
    location: window.location,
    order: window.order,
    from: formatTime(window.fromMs),
    to: formatTime(window.toMs),
  };
}

/** The customer object of API version 2019-05-29; its cards come as a nested list (the first 20, oldest first). */
export function renderCustomer(record: OmiseCustomerRecord, nowMs: number): Record<string, unknown> {
  const location = `/customers/${record.id}`;
  return {
    object: 'customer',
    id: record.id,
    livemode: false,
    location,
    deleted: record.deleted,
    metadata: record.metadata,
    cards: listEnvelope(record.cards.slice(0, 20), {
      fromMs: 0,
      toMs: nowMs,
      offset: 0,
      limit: 20,
      total: record.cards.length,
      order: null,
      location: `${location}/cards`,
    }),
    default_card: record.defaultCard,
    description: record.description,
    email: record.email,
    created_at: formatTime(record.createdAtMs),
  };
}

/** What `DELETE` answers, for customers and cards alike (the official clients' fixtures). */
export function renderDeleted(object: 'customer' | 'card', id: string): Record<string, unknown> {
  return { object, id, livemode: false, deleted: true };
}

export function cardLocation(customerId: string, cardId: string): string {
  return `/customers/${customerId}/cards/${cardId}`;
}

