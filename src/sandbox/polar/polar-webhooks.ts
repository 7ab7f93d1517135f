import { createHmac } from 'node:crypto';
import type { SandboxRequest } from '../shared/sandbox-http';
import { randomAlphanumeric } from '../webhooks/webhook-ids';
import type { AppliedWrite, SandboxWebhookEvent, SimulatorWebhooks } from '../shared/webhook-types';

const CUSTOMER_PATH = /^\/v1\/customers\/(?:external\/)?[^/]+$/;

/**
 * Polar's webhooks follow Standard Webhooks, as `@polar-sh/sdk/webhooks`'s `validateEvent` verifies them: headers
 * `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature: v1,<base64 HMAC-SHA256>` over
 * `id.timestamp.body`. The SDK keys the HMAC with the secret's UTF-8 bytes (it base64-encodes the secret before
 * handing it to `standardwebhooks`, which decodes it again), so the sandbox does the same. The body is
 * `{type, timestamp, data}`; a create or update also raises `customer.state_changed` with the customer's state,
 * as Polar does for every change to a customer.
 */
export const polarWebhooks: SimulatorWebhooks = {
  deliveryTimeoutMs: 10_000,
  before(request: SandboxRequest) {
    return request.method === 'DELETE' && CUSTOMER_PATH.test(request.path) ? request.path : null;
  },
  async events(write: AppliedWrite): Promise<SandboxWebhookEvent[]> {
    const { request, response, now } = write;
    const created = request.method === 'POST' && /^\/v1\/customers\/?$/.test(request.path);
    const updated = request.method === 'PATCH' && CUSTOMER_PATH.test(request.path);
    if (created || updated) {
      const customer = response.json as { id: string };
      const state = await write.read(`/v1/customers/${customer.id}/state`);
      return [
        event(created ? 'customer.created' : 'customer.updated', customer, now),
        ...(state.status === 200 ? [event('customer.state_changed', state.json, now)] : []),
      ];
    }
    if (request.method === 'DELETE' && CUSTOMER_PATH.test(request.path) && write.before !== null) {
      // The customer as it was, stamped deleted: the API answers 204 and no longer serves it.
      return [event('customer.deleted', { ...(write.before as object), deleted_at: now.toISOString() }, now)];
    }
    return [];
  },
  render(event) {
    return JSON.stringify({ type: event.type, timestamp: event.occurredAt.toISOString(), data: event.payload.data });
  },
  sign({ body, event, secret, now }) {
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const signature = createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${event.id}.${timestamp}.${body}`).digest('base64');
    return { 'webhook-id': event.id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` };
  },
};

function event(type: string, data: unknown, now: Date): SandboxWebhookEvent {
  return { id: `msg_${randomAlphanumeric(27)}`, type, occurredAt: now, payload: { data } };
}
