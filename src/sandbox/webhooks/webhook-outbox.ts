import { WebhookDeliveryLog, type WebhookDelivery } from './webhook-delivery-log';
import type { SandboxWebhookEvent, SimulatorWebhooks, WebhookEndpoint } from '../shared/webhook-types';

/**
 * Real providers retry over hours or days (Synctera about 55 h, Orb and Polar on exponential schedules); the
 * sandbox keeps their shape, retry after a non-2xx or no answer, on a compressed schedule.
 */
export const defaultRetryDelaysMs: readonly number[] = [1_000, 5_000, 30_000, 120_000, 600_000];

export interface WebhookSettings {
  /** Endpoints per provider; a provider without one sends nothing. */
  endpoints: Record<string, WebhookEndpoint[]>;
  /** Waits before each retry; the number of entries is the number of retries. */
  retryDelaysMs: readonly number[];
}

interface Pending {
  timer: NodeJS.Timeout | null;
  controller: AbortController | null;
}

/**
 * Delivers each provider's events to its endpoints: rendered and signed the provider's way, one POST per event
 * and endpoint, retried on a non-2xx answer or none, every attempt logged. Deliveries run concurrently and are
 * not ordered, like the providers' own (at least once, unordered).
 */
export class WebhookOutbox {
  private settings: WebhookSettings = { endpoints: {}, retryDelaysMs: defaultRetryDelaysMs };
  private readonly schemes = new Map<string, SimulatorWebhooks>();
  private readonly pending = new Set<Pending>();
  private readonly deliveries = new WebhookDeliveryLog();

  register(provider: string, scheme: SimulatorWebhooks): void {
    this.schemes.set(provider, scheme);
  }

  configure(settings: WebhookSettings): void {
    this.settings = settings;
  }

  current(): WebhookSettings {
    return this.settings;
  }

  log(): WebhookDelivery[] {
    return this.deliveries.list();
  }

  clearLog(): void {
    this.deliveries.clear();
  }

  /** Drops every scheduled retry and aborts deliveries in flight (reset, close). */
  cancelAll(): void {
    for (const entry of this.pending) {
      if (entry.timer !== null) clearTimeout(entry.timer);
      entry.controller?.abort();
    }
    this.pending.clear();
  }

  emit(provider: string, events: readonly SandboxWebhookEvent[]): void {
    const scheme = this.schemes.get(provider);
    const endpoints = this.settings.endpoints[provider] ?? [];
    if (scheme === undefined || endpoints.length === 0) return;
    for (const event of events) {
      for (const endpoint of endpoints) this.attempt(provider, scheme, event, endpoint, 1, this.settings.retryDelaysMs);
    }
  }

  private attempt(provider: string, scheme: SimulatorWebhooks, event: SandboxWebhookEvent, endpoint: WebhookEndpoint, attempt: number, delays: readonly number[]): void {
    const entry: Pending = { timer: null, controller: new AbortController() };
    this.pending.add(entry);
    const body = scheme.render(event, endpoint);
    // Signed at send time, as providers do: a retry carries a fresh timestamp, so it passes a 5-minute window.
    const headers = { 'content-type': 'application/json', 'user-agent': `customer-graph-sandbox/${provider}-webhooks`, ...scheme.sign({ body, event, secret: endpoint.secret, now: new Date() }) };
    const timeout = AbortSignal.timeout(scheme.deliveryTimeoutMs);
    const signal = AbortSignal.any([timeout, (entry.controller as AbortController).signal]);
    const record = (status: number, error: string | null) => {
      const retry = !(status >= 200 && status < 300) && attempt <= delays.length && !(entry.controller as AbortController).signal.aborted;
      const delay = retry ? (delays[attempt - 1] as number) : 0;
      this.deliveries.add({
        provider,
        eventId: event.id,
        type: event.type,
        url: endpoint.url,
        attempt,
        status,
        error,
        ms: Date.now() - event.occurredAt.getTime(),
        at: new Date().toISOString(),
        nextAttemptAt: retry ? new Date(Date.now() + delay).toISOString() : null,
      });
      if (!retry) {
        this.pending.delete(entry);
        return;
      }
      entry.controller = null;
      entry.timer = setTimeout(() => {
        this.pending.delete(entry);
        this.attempt(provider, scheme, event, endpoint, attempt + 1, delays);
      }, delay);
      entry.timer.unref();
    };
    fetch(endpoint.url, { method: 'POST', headers, body, signal, redirect: 'manual' })
      .then(async (response) => {
        // Drain the body so the connection is reused.
        await response.arrayBuffer().catch(() => undefined);
        record(response.status, response.ok ? null : `HTTP ${response.status}`);
      })
      .catch((error: unknown) => {
        record(0, timeout.aborted ? `no answer within ${scheme.deliveryTimeoutMs} ms` : describe(error));
      });
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? 'delivery failed';
}
