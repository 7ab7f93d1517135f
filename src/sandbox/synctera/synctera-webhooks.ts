import { createHmac } from 'node:crypto';
import type { SandboxRequest } from '../shared/sandbox-http';
import { previousValues, randomUUID } from '../webhooks/webhook-ids';
import type { AppliedWrite, SandboxWebhookEvent, SimulatorWebhooks } from '../shared/webhook-types';

const CUSTOMER_PATH = /^\/v0\/customers\/[^/]+$/;

/**
 * Synctera's webhooks: the body is the spec's `webhook_request_object` (`id`, `type` such as `CUSTOMER.CREATED` or
 * `CUSTOMER.UPDATED`, `event_time`, `url`, `webhook_id`, `metadata`, `resource_id`, and the customer as a JSON
 * string in `event_resource`, prior values of changed fields in `event_resource_changed_fields`). Signed with
 * `Synctera-Signature` = hex HMAC-SHA256 over `<Request-Timestamp>.<body>` (Unix seconds). Synctera waits five
 * seconds for an answer and redelivers for about 55 hours.
 */
export const syncteraWebhooks: SimulatorWebhooks = {
  deliveryTimeoutMs: 5_000,
  before(request: SandboxRequest) {
    return (request.method === 'PATCH' || request.method === 'PUT') && CUSTOMER_PATH.test(request.path) ? request.path : null;
  },
  events(write: AppliedWrite): SandboxWebhookEvent[] {
    const { request, response, now } = write;
    const customer = response.json as { id: string };
    if (request.method === 'POST' && request.path === '/v0/customers') return [event('CUSTOMER.CREATED', customer, null, now)];
    if ((request.method === 'PATCH' || request.method === 'PUT') && CUSTOMER_PATH.test(request.path)) {
      const changed = previousValues(write.before, customer);
      return Object.keys(changed).length === 0 ? [] : [event('CUSTOMER.UPDATED', customer, changed, now)];
    }
    return [];
  },
  render(event, endpoint) {
    return JSON.stringify({
      id: event.id,
      type: event.type,
      event_time: event.occurredAt.toISOString(),
      url: endpoint.url,
      webhook_id: endpoint.id,
      metadata: '',
      resource_id: event.payload.resourceId,
      event_resource: event.payload.resource,
      ...(event.payload.changed === null ? {} : { event_resource_changed_fields: event.payload.changed }),
    });
  },
  sign({ body, secret, now }) {
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const signature = createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${timestamp}.${body}`).digest('hex');
    return { 'Synctera-Signature': signature, 'Request-Timestamp': timestamp };
  },
};

function event(type: string, customer: { id: string }, changed: Record<string, unknown> | null, now: Date): SandboxWebhookEvent {
  return {
    id: randomUUID(),
    type,
    occurredAt: now,
    payload: { resourceId: customer.id, resource: JSON.stringify(customer), changed: changed === null ? null : JSON.stringify(changed) },
  };
}
