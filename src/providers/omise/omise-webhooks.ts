import { createHmac } from 'node:crypto';
import { anySignatureMatches, dateOr, freshTimestamp, parseJson, WebhookPayloadError, WebhookSignatureError, type CustomerChangeEvent, type WebhookReceiver } from '../kit/webhooks';
import { mapOmiseCustomer } from './omise-map';

const CARD_LOCATION = /^\/customers\/([^/]+)\/cards\//;

/**
 * Omise signs `<Omise-Signature-Timestamp>.<body>` with HMAC-SHA256 keyed by the base64-decoded webhook secret,
 * hex in `Omise-Signature` (two comma-separated signatures while a secret rolls). omise-node has no verification
 * helper, so this is the documented scheme, compared in constant time.
 */
export const omiseWebhookReceiver: WebhookReceiver = {
  verify(body, headers, secret, now) {
    const timestamp = freshTimestamp(headers['omise-signature-timestamp'], now);
    const expected = createHmac('sha256', Buffer.from(secret, 'base64')).update(`${timestamp}.${body}`).digest('hex');
    if (!anySignatureMatches(headers['omise-signature'], expected)) throw new WebhookSignatureError('signature mismatch');
    const event = parseJson(body);
    const key = typeof event.key === 'string' ? event.key : '';
    if (typeof event.id !== 'string' || key === '') throw new WebhookPayloadError('an event without id or key');
    return { eventId: event.id, type: key, changes: changesOf(key, event.data, dateOr(event.created_at, now)) };
  },
};

function changesOf(key: string, data: unknown, occurredAt: Date): CustomerChangeEvent[] {
  if (key.startsWith('customer.')) {
    const customer = mapOmiseCustomer(data);
    const kind = key === 'customer.create' ? 'CREATED' : key === 'customer.destroy' ? 'DELETED' : key === 'customer.update' ? 'UPDATED' : 'STATE_CHANGED';
    return [{ kind, customerId: customer.providerId, customer, occurredAt }];
  }
  if (key.startsWith('card.')) {
    // A card belongs to a customer when its location says so; its cards are the customer's payment methods.
    const location = (data as { location?: unknown } | null)?.location;
    const match = typeof location === 'string' ? CARD_LOCATION.exec(location) : null;
    return match === null ? [] : [{ kind: 'STATE_CHANGED', customerId: match[1] as string, customer: null, occurredAt }];
  }
  return [];
}
