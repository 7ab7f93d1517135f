import { createHmac } from 'node:crypto';
import type { SandboxRequest } from '../shared/sandbox-http';
import { previousValues, randomAlphanumeric } from '../webhooks/webhook-ids';
import type { AppliedWrite, SandboxWebhookEvent, SimulatorWebhooks } from '../shared/webhook-types';

const CUSTOMER_PATH = /^\/v1\/customers\/(?:external_customer_id\/)?[^/]+$/;
const SYNC_PATH = /^(\/v1\/customers\/(?:external_customer_id\/)?[^/]+)\/sync_payment_methods_from_gateway$/;

/**
 * Orb's webhooks: `{id, created_at, type, customer, properties}` (docs: "Webhooks payloads in Orb follow the
 * format"), `customer.created` and `customer.edited` with `properties.previous_attributes`. Signed as
 * `orb-billing`'s `webhooks.unwrap` verifies: `X-Orb-Signature: v1=<hex HMAC-SHA256(secret, "v1:" + timestamp +
 * ":" + body)>`, with `X-Orb-Timestamp` in ISO 8601 without a zone (the SDK reads it as UTC). Orb documents no
 * customer deletion event, so a delete raises none. Orb waits five seconds for a 2xx.
 */
export const orbWebhooks: SimulatorWebhooks = {
  deliveryTimeoutMs: 5_000,
  before(request: SandboxRequest) {
    if (request.method === 'PUT' && CUSTOMER_PATH.test(request.path)) return request.path;
    const sync = SYNC_PATH.exec(request.path);
    return sync === null ? null : (sync[1] as string);
  },
  async events(write: AppliedWrite): Promise<SandboxWebhookEvent[]> {
    const { request, response } = write;
    if (request.method === 'POST' && request.path === '/v1/customers') {
      return [event('customer.created', response.json, {}, write.now)];
    }
    if (request.method === 'PUT' && CUSTOMER_PATH.test(request.path)) {
      return edited(write.before, response.json, write.now);
    }
    const sync = SYNC_PATH.exec(request.path);
    if (request.method === 'POST' && sync !== null) {
      const after = (await write.read(sync[1] as string)).json;
      return edited(write.before, after, write.now);
    }
    return [];
  },
  render(event) {
    return JSON.stringify({ id: event.id, created_at: event.occurredAt.toISOString(), type: event.type, ...event.payload });
  },
  sign({ body, secret, now }) {
    const timestamp = now.toISOString().replace(/Z$/, '');
    const signature = createHmac('sha256', Buffer.from(secret, 'utf8')).update(`v1:${timestamp}:${body}`).digest('hex');
    return { 'X-Orb-Timestamp': timestamp, 'X-Orb-Signature': `v1=${signature}` };
  },
};

function edited(before: unknown, after: unknown, now: Date): SandboxWebhookEvent[] {
  const previous = previousValues(before, after);
  if (Object.keys(previous).length === 0) return [];
  return [event('customer.edited', after, { previous_attributes: previous }, now)];
}

function event(type: string, customer: unknown, properties: Record<string, unknown>, now: Date): SandboxWebhookEvent {
  return { id: randomAlphanumeric(22), type, occurredAt: now, payload: { customer, properties } };
}
