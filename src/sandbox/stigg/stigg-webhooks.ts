import type { SandboxRequest } from '../shared/sandbox-http';
import { randomUUID } from '../webhooks/webhook-ids';
import type { AppliedWrite, SandboxWebhookEvent, SimulatorWebhooks } from '../shared/webhook-types';

const CUSTOMER_PATH = /^\/api\/v1\/customers\/([^/]+)$/;
const ARCHIVE_PATH = /^\/api\/v1\/customers\/([^/]+)\/(?:archive|unarchive)$/;

/**
 * Stigg's webhooks: a JSON body `{type, messageId, traceId, timestamp, customer}` (`entitlements.updated` adds
 * `entitlements` and `entitlementsUpdatedAt`), authenticated by the webhook's secret itself in the
 * `Stigg-Webhooks-Secret` header (Stigg has no HMAC yet; docs: "Verifying webhook secret"). Delivered at least
 * once, unordered; Stigg waits 30 seconds for a 2xx. The sandbox's REST API changes no entitlements, so it raises
 * `customer.created` and `customer.updated` (archive and unarchive change the customer's `archivedAt`).
 */
export const stiggWebhooks: SimulatorWebhooks = {
  deliveryTimeoutMs: 30_000,
  before(request: SandboxRequest) {
    const archive = ARCHIVE_PATH.exec(request.path);
    if (archive !== null) return `/api/v1/customers/${archive[1]}`;
    return request.method === 'PATCH' && CUSTOMER_PATH.test(request.path) ? request.path : null;
  },
  async events(write: AppliedWrite): Promise<SandboxWebhookEvent[]> {
    const { request, response, now } = write;
    const customer = (response.json as { data?: unknown } | undefined)?.data;
    if (request.method === 'POST' && request.path === '/api/v1/customers') return [event('customer.created', customer, now)];
    if (request.method === 'POST' && request.path === '/api/v1/customers/import') {
      const ids = (customer as { newCustomers?: string[] } | undefined)?.newCustomers ?? [];
      const created = await Promise.all(ids.map(async (id) => (await write.read(`/api/v1/customers/${encodeURIComponent(id)}`)).json as { data?: unknown }));
      return created.map((body) => event('customer.created', body?.data, now));
    }
    const changed = (request.method === 'PATCH' && CUSTOMER_PATH.test(request.path)) || ARCHIVE_PATH.test(request.path);
    if (changed && JSON.stringify((write.before as { data?: unknown } | null)?.data) !== JSON.stringify(customer)) {
      return [event('customer.updated', customer, now)];
    }
    return [];
  },
  render(event) {
    return JSON.stringify({ type: event.type, messageId: event.id, traceId: event.payload.traceId, timestamp: event.occurredAt.toISOString(), customer: event.payload.customer });
  },
  sign({ secret }) {
    return { 'Stigg-Webhooks-Secret': secret };
  },
};

function event(type: string, customer: unknown, now: Date): SandboxWebhookEvent {
  return { id: randomUUID(), type, occurredAt: now, payload: { customer, traceId: randomUUID().replaceAll('-', '') } };
}
