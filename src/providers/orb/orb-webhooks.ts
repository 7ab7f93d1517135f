import Orb from 'orb-billing';
import { dateOr, parseJson, WebhookPayloadError, WebhookSignatureError, type CustomerChangeEvent, type WebhookReceiver } from '../kit/webhooks';
import { mapOrbCustomer } from './orb-map';

/** One verification client per secret: `orb-billing` keeps the secret on the client. */
const clients = new Map<string, Orb>();

function clientFor(secret: string): Orb {
  let client = clients.get(secret);
  if (client === undefined) {
    // Only `webhooks.unwrap` is used: no request is ever sent, so key and URL are placeholders (given, so the
    // SDK reads nothing from the environment).
    client = new Orb({ apiKey: 'webhook-verification-only', baseURL: 'http://127.0.0.1:9', webhookSecret: secret });
    clients.clear();
    clients.set(secret, client);
  }
  return client;
}

/**
 * Orb's webhooks, verified by the official SDK (`webhooks.unwrap`: `X-Orb-Signature` v1 HMAC over
 * `v1:<X-Orb-Timestamp>:<body>`, five minutes of tolerance). `customer.created` and `customer.edited` carry the
 * customer; credit-balance and other `customer.*` events carry it too and are state changes; `subscription.*`
 * events carry the subscription with its customer.
 */
export const orbWebhookReceiver: WebhookReceiver = {
  verify(body, headers, secret, now) {
    if (headers['x-orb-signature'] === undefined || headers['x-orb-timestamp'] === undefined) throw new WebhookSignatureError('missing signature headers');
    try {
      clientFor(secret).webhooks.verifySignature(body, headers, secret);
    } catch (error) {
      throw new WebhookSignatureError((error as Error).message);
    }
    const event = parseJson(body);
    const type = typeof event.type === 'string' ? event.type : '';
    if (typeof event.id !== 'string' || type === '') throw new WebhookPayloadError('an event without id or type');
    const occurredAt = dateOr(event.created_at, now);
    return { eventId: event.id, type, changes: changesOf(type, event, occurredAt) };
  },
};

function changesOf(type: string, event: Record<string, unknown>, occurredAt: Date): CustomerChangeEvent[] {
  if (type.startsWith('customer.')) {
    const customer = mapOrbCustomer(event.customer);
    const kind = type === 'customer.created' ? 'CREATED' : type === 'customer.edited' ? 'UPDATED' : 'STATE_CHANGED';
    return [{ kind, customerId: customer.providerId, customer, occurredAt }];
  }
  if (type.startsWith('subscription.')) {
    const subscription = event.subscription as { customer?: unknown } | undefined;
    if (subscription?.customer === undefined) return [];
    const customer = mapOrbCustomer(subscription.customer);
    return [{ kind: 'STATE_CHANGED', customerId: customer.providerId, customer, occurredAt }];
  }
  return [];
}
