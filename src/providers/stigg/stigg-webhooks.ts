import { dateOr, parseJson, sameSecret, WebhookPayloadError, WebhookSignatureError, type CustomerChangeEvent, type WebhookReceiver } from '../kit/webhooks';
import { mapStiggCustomer } from './stigg-map';

/**
 * Stigg sends the webhook's secret itself in `Stigg-Webhooks-Secret` (no HMAC yet, and no signed timestamp, so
 * there is no age to check: Stigg redelivers at least once, unordered). Compared in constant time. `messageId`
 * is the event id.
 */
export const stiggWebhookReceiver: WebhookReceiver = {
  verify(body, headers, secret, now) {
    const given = headers['stigg-webhooks-secret'];
    if (given === undefined || !sameSecret(given, secret)) throw new WebhookSignatureError('missing or wrong secret');
    const event = parseJson(body);
    const type = typeof event.type === 'string' ? event.type : '';
    if (typeof event.messageId !== 'string' || type === '') throw new WebhookPayloadError('an event without messageId or type');
    const occurredAt = dateOr(event.entitlementsUpdatedAt ?? event.timestamp, now);
    return { eventId: event.messageId, type, changes: changesOf(type, event, occurredAt) };
  },
};

function changesOf(type: string, event: Record<string, unknown>, occurredAt: Date): CustomerChangeEvent[] {
  const payload = event.customer;
  if (typeof payload !== 'object' || payload === null) return [];
  const customerId = (payload as { id?: unknown; customerId?: unknown }).id ?? (payload as { customerId?: unknown }).customerId;
  if (typeof customerId !== 'string') return [];
  const full = (payload as { createdAt?: unknown }).createdAt !== undefined;
  const customer = full ? mapStiggCustomer(payload as Record<string, unknown>) : null;
  switch (type) {
    case 'customer.created':
      return [{ kind: 'CREATED', customerId, customer, occurredAt }];
    case 'customer.updated':
      return [{ kind: 'UPDATED', customerId, customer, occurredAt }];
    case 'customer.deleted':
      return [{ kind: 'DELETED', customerId, customer, occurredAt }];
    case 'entitlements.updated':
      return [{ kind: 'ENTITLEMENTS_CHANGED', customerId, customer, occurredAt }];
    default:
      // subscription.*, trial.*, credit events: what the customer has changed.
      return type.startsWith('subscription.') || type.startsWith('trial.') || type.startsWith('credit') ? [{ kind: 'STATE_CHANGED', customerId, customer: null, occurredAt }] : [];
  }
}
