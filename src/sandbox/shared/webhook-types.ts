import type { SandboxRequest, SandboxResponse } from '../shared/sandbox-http';

/** One event a simulator raised, before it is rendered for an endpoint and signed. */
export interface SandboxWebhookEvent {
  /** The provider's own event id (`evnt_…`, a UUID, `msg_…`), the same on every delivery attempt. */
  id: string;
  /** The provider's event name, e.g. `customer.edited` or `CUSTOMER.UPDATED`. */
  type: string;
  /** When the change happened. */
  occurredAt: Date;
  /** Provider-shaped fields; the provider's `render` turns them into the body. */
  payload: Record<string, unknown>;
}

export interface WebhookEndpoint {
  /** Stable id of the endpoint (some providers put it in the body, e.g. Synctera's `webhook_id`). */
  id: string;
  url: string;
  secret: string;
}

/** A write a simulator just applied, as its webhook module sees it. */
export interface AppliedWrite {
  request: SandboxRequest;
  response: SandboxResponse;
  /** The resource as a GET showed it before the write (`before` path), or null. */
  before: unknown;
  /** A GET through the simulator itself (not logged, no faults), e.g. to include a customer's state. */
  read(path: string): Promise<SandboxResponse>;
  now: Date;
}

/** How one provider raises, shapes and signs its webhooks. Lives in `src/sandbox/<name>/`. */
export interface SimulatorWebhooks {
  /** The path whose GET shows the resource a write is about to change (for "previous attributes"), or null. */
  before?(request: SandboxRequest): string | null;
  /** The events a successful write raises; none for writes that change nothing the provider reports. */
  events(write: AppliedWrite): SandboxWebhookEvent[] | Promise<SandboxWebhookEvent[]>;
  /** The request body for one endpoint. */
  render(event: SandboxWebhookEvent, endpoint: WebhookEndpoint): string;
  /** The headers that sign `body`, sent at `now`. */
  sign(input: { body: string; event: SandboxWebhookEvent; secret: string; now: Date }): Record<string, string>;
  /** How long the provider waits for an answer before it counts the attempt as failed. */
  deliveryTimeoutMs: number;
}
