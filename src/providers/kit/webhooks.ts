/**
 * What a provider's webhook becomes once verified: the changes to customers it reports, in domain terms.
 * Nothing here knows a provider's header or payload: each provider folder has its `<name>-webhooks.ts`.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Customer } from '../spec/provider';

export type CustomerChangeKind = 'CREATED' | 'UPDATED' | 'DELETED' | 'STATE_CHANGED' | 'ENTITLEMENTS_CHANGED';

export interface CustomerChangeEvent {
  kind: CustomerChangeKind;
  /** The native id of the customer the event is about. */
  customerId: string;
  /**
   * The customer as the event carries it, mapped (for a deletion, as it was: its external ID says whom it was);
   * null when the event names the customer only.
   */
  customer: Customer | null;
  occurredAt: Date;
}

export interface VerifiedWebhook {
  /** The provider's event id, the same on every redelivery: the de-duplication key. */
  eventId: string;
  /** The provider's event name, for logs. */
  type: string;
  /** Empty for events about other things (invoices, products): acknowledged and ignored. */
  changes: CustomerChangeEvent[];
}

export type WebhookHeaders = Record<string, string | undefined>;

/** Verifies a delivery and reads it; throws `WebhookSignatureError` when it is not authentic or too old. */
export interface WebhookReceiver {
  verify(body: string, headers: WebhookHeaders, secret: string, now: Date): VerifiedWebhook;
}

/** Not from the provider, or too old to trust: answered 401, nothing applied. Says nothing of the secret. */
export class WebhookSignatureError extends Error {
  readonly code = 'WEBHOOK_SIGNATURE_INVALID';
  constructor(reason: string) {
    super(reason);
    this.name = 'WebhookSignatureError';
  }
}

/** Signed, but not a body the gateway can read: answered 400 (the provider's retry will not fix it). */
export class WebhookPayloadError extends Error {
  readonly code = 'WEBHOOK_PAYLOAD_INVALID';
  constructor(reason: string) {
    super(reason);
    this.name = 'WebhookPayloadError';
  }
}

/** Providers sign a timestamp so a captured delivery cannot be replayed later; five minutes either way. */
export const WEBHOOK_TOLERANCE_MS = 5 * 60 * 1000;

/** Unix seconds from a header, checked against the tolerance. */
export function freshTimestamp(header: string | undefined, now: Date): string {
  if (header === undefined || !/^\d{1,12}$/.test(header)) throw new WebhookSignatureError('missing or malformed timestamp');
  const skew = now.getTime() - Number(header) * 1000;
  if (Math.abs(skew) > WEBHOOK_TOLERANCE_MS) throw new WebhookSignatureError(skew > 0 ? 'timestamp too old' : 'timestamp too new');
  return header;
}

/** Equal strings, compared in constant time for strings of the same length. */
export function sameSecret(given: string, expected: string): boolean {
  const left = Buffer.from(given, 'utf8');
  const right = Buffer.from(expected, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Any of comma-separated hex signatures equals `expected` (several while a secret rolls). */
export function anySignatureMatches(header: string | undefined, expectedHex: string): boolean {
  if (header === undefined || header.trim() === '') return false;
  return header.split(',').some((candidate) => sameSecret(candidate.trim().toLowerCase(), expectedHex));
}

export function parseJson(body: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new WebhookPayloadError('the body is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new WebhookPayloadError('the body is not a JSON object');
  return value as Record<string, unknown>;
}

export function dateOr(value: unknown, fallback: Date): Date {
  if (typeof value !== 'string') return fallback;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? fallback : date;
}
