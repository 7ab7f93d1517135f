import { createHmac } from 'node:crypto';
import { anySignatureMatches, dateOr, freshTimestamp, parseJson, WebhookPayloadError, WebhookSignatureError, type CustomerChangeEvent, type WebhookReceiver } from '../kit/webhooks';
import { customerPayload, mapSyncteraCustomer } from './synctera-map';

/**
 * Synctera signs `<Request-Timestamp>.<body>` with HMAC-SHA256 (hex in `Synctera-Signature`; two comma-separated
 * while a secret rolls). Synctera has no Node SDK, so this is the documented scheme, compared in constant time.
 * The body is a `webhook_request_object`; the customer is a JSON string in `event_resource`.
 */
export const syncteraWebhookReceiver: WebhookReceiver = {
  verify(body, headers, secret, now) {
    const timestamp = freshTimestamp(headers['request-timestamp'], now);
    const expected = createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${timestamp}.${body}`).digest('hex');
    if (!anySignatureMatches(headers['synctera-signature'], expected)) throw new WebhookSignatureError('signature mismatch');
    const event = parseJson(body);
    const type = typeof event.type === 'string' ? event.type : '';
    if (typeof event.id !== 'string' || type === '') throw new WebhookPayloadError('an event without id or type');
    return { eventId: event.id, type, changes: changesOf(type, event, dateOr(event.event_time, now)) };
  },
};

function changesOf(type: string, event: Record<string, unknown>, occurredAt: Date): CustomerChangeEvent[] {
  if (!type.startsWith('CUSTOMER.')) return [];
  let customer = null;
  if (typeof event.event_resource === 'string' && event.event_resource !== '') {
    try {
      customer = mapSyncteraCustomer(customerPayload(JSON.parse(event.event_resource), 'webhook event_resource'));
    } catch {
      throw new WebhookPayloadError('event_resource is not a customer');
    }
  }
  const customerId = customer?.providerId ?? (typeof event.resource_id === 'string' ? event.resource_id : null);
  if (customerId === null) return [];
  const kind = type === 'CUSTOMER.CREATED' ? 'CREATED' : type === 'CUSTOMER.UPDATED' ? 'UPDATED' : 'STATE_CHANGED';
  return [{ kind, customerId, customer, occurredAt }];
}
