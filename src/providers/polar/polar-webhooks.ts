import { validateEvent, WebhookVerificationError } from '@polar-sh/sdk/webhooks';
import { dateOr, parseJson, WebhookPayloadError, WebhookSignatureError, type CustomerChangeEvent, type WebhookReceiver } from '../kit/webhooks';
import { mapPolarCustomer, type PolarPayload } from './polar-map';

/**
 * Polar's webhooks (Standard Webhooks), verified by the official `validateEvent` from `@polar-sh/sdk/webhooks`
 * (signature and five minutes of tolerance). The SDK also parses the body into its own camel-cased models and
 * refuses event types it does not know yet; the signature has passed by then, so such an event is read from the
 * raw body, which is what the mapper expects anyway. `webhook-id` is the event id.
 */
export const polarWebhookReceiver: WebhookReceiver = {
  verify(body, headers, secret, now) {
    const eventId = headers['webhook-id'];
    if (eventId === undefined || headers['webhook-signature'] === undefined || headers['webhook-timestamp'] === undefined) {
      throw new WebhookSignatureError('missing signature headers');
    }
    try {
      validateEvent(body, { 'webhook-id': eventId, 'webhook-timestamp': headers['webhook-timestamp'], 'webhook-signature': headers['webhook-signature'] }, secret);
    } catch (error) {
      if (error instanceof WebhookVerificationError) throw new WebhookSignatureError(error.message);
      // Anything else is the SDK's model validation, after the signature passed.
    }
    const event = parseJson(body);
    const type = typeof event.type === 'string' ? event.type : '';
    if (type === '') throw new WebhookPayloadError('an event without type');
    return { eventId, type, changes: changesOf(type, event.data, dateOr(event.timestamp, now)) };
  },
};

function changesOf(type: string, data: unknown, occurredAt: Date): CustomerChangeEvent[] {
  if (typeof data !== 'object' || data === null) return [];
  const payload = data as PolarPayload & { customer_id?: unknown; customer?: unknown };
  switch (type) {
    case 'customer.created':
    case 'customer.updated':
    case 'customer.deleted':
    case 'customer.state_changed': {
      const customer = mapPolarCustomer(payload);
      const kind = type === 'customer.created' ? 'CREATED' : type === 'customer.updated' ? 'UPDATED' : type === 'customer.deleted' ? 'DELETED' : 'STATE_CHANGED';
      return [{ kind, customerId: customer.providerId, customer, occurredAt }];
    }
    default: {
      // subscription.* and benefit_grant.* carry `customer_id` (and the customer): entitlements or state changed.
      const customerId = typeof payload.customer_id === 'string' ? payload.customer_id : null;
      if (customerId === null) return [];
      if (type.startsWith('benefit_grant.')) return [{ kind: 'ENTITLEMENTS_CHANGED', customerId, customer: null, occurredAt }];
      if (type.startsWith('subscription.') || type.startsWith('order.')) return [{ kind: 'STATE_CHANGED', customerId, customer: null, occurredAt }];
      return [];
    }
  }
}
