import { createHmac } from 'node:crypto';
import type { SandboxRequest } from '../shared/sandbox-http';
import { randomAlphanumeric } from '../webhooks/webhook-ids';
import type { AppliedWrite, SandboxWebhookEvent, SimulatorWebhooks } from '../shared/webhook-types';

const CUSTOMER_PATH = /^\/customers\/([^/]+)$/;
const CARD_PATH = /^\/customers\/([^/]+)\/cards\/([^/]+)$/;
const LOWER_ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Omise's webhooks: the body is an `event` object (`{object: "event", id: "evnt_test_…", livemode, location, key,
 * created_at, data, webhook_deliveries}`) with keys `customer.create`, `customer.update`, `customer.update.card`
 * (a card attached through the customer), `customer.destroy`, `card.update` and `card.destroy`. Signed with
 * `Omise-Signature` = hex HMAC-SHA256 keyed with the base64-decoded secret over `<Omise-Signature-Timestamp>.<body>`
 * (Unix seconds); while a secret rolls Omise sends two comma-separated signatures, one secret here sends one.
 */
export const omiseWebhooks: SimulatorWebhooks = {
  deliveryTimeoutMs: 10_000,
  before(request: SandboxRequest) {
    const customer = CUSTOMER_PATH.exec(request.path);
    if (customer !== null && request.method === 'DELETE') return request.path;
    return null;
  },
  events(write: AppliedWrite): SandboxWebhookEvent[] {
    const { request, response, now } = write;
    if (request.method === 'POST' && request.path === '/customers') return [event('customer.create', response.json, now)];
    const customer = CUSTOMER_PATH.exec(request.path);
    if (customer !== null && request.method === 'PATCH') {
      const attachesCard = /(^|&)card=|"card"\s*:/.test(request.body);
      return [event(attachesCard ? 'customer.update.card' : 'customer.update', response.json, now)];
    }
    if (customer !== null && request.method === 'DELETE') {
      // The event carries the customer as it was, marked deleted (the answer itself is only a tombstone).
      const before = (write.before ?? {}) as Record<string, unknown>;
      return [event('customer.destroy', { ...before, ...(response.json as object), deleted: true }, now)];
    }
    if (CARD_PATH.test(request.path)) return [event(request.method === 'DELETE' ? 'card.destroy' : 'card.update', { ...(response.json as object), location: request.path }, now)];
    return [];
  },
  render(event) {
    return JSON.stringify({
      object: 'event',
      id: event.id,
      livemode: false,
      location: `/events/${event.id}`,
      webhook_deliveries: [],
      data: event.payload.data,
      key: event.type,
      created_at: event.occurredAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    });
  },
  sign({ body, secret, now }) {
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const signature = createHmac('sha256', Buffer.from(secret, 'base64')).update(`${timestamp}.${body}`).digest('hex');
    return { 'Omise-Signature': signature, 'Omise-Signature-Timestamp': timestamp };
  },
};

function event(key: string, data: unknown, now: Date): SandboxWebhookEvent {
  return { id: `evnt_test_${randomAlphanumeric(19, LOWER_ALPHANUMERIC)}`, type: key, occurredAt: now, payload: { data } };
}
