import { validateFaults, type FaultConfig } from './shared/faults';
import type { RequestLogEntry } from './request-log';
import type { WebhookDelivery } from './webhooks/webhook-delivery-log';
import type { WebhookSettings } from './webhooks/webhook-outbox';
import { json, type SandboxResponse } from './shared/sandbox-http';
import { describeWebhookSettings, parseWebhookSettings } from './webhooks/webhook-settings';

interface AdminRequest {
  method: string;
  path: string;
  body: string;
}

/** What the admin routes may see and change of a running sandbox; the sandbox hands itself over as this. */
export interface AdminPort {
  readonly providers: readonly string[];
  readonly baseUrls: Record<string, string>;
  customerCounts(): Record<string, number>;
  requests(): RequestLogEntry[];
  clearRequests(): void;
  faults(): FaultConfig;
  setFaults(config: FaultConfig): void;
  reset(): void;
  webhooks(): WebhookSettings;
  setWebhooks(settings: WebhookSettings): void;
  webhookDeliveries(): WebhookDelivery[];
  clearWebhookDeliveries(): void;
}

/** `/__sandbox/*`: the request log, the fault switches and reset. These calls are not logged. */
export function handleAdmin(request: AdminRequest, sandbox: AdminPort): SandboxResponse {
  const route = `${request.method} ${request.path.replace(/\/+$/, '')}`;
  switch (route) {
    case 'GET /__sandbox':
      return json(200, { providers: sandbox.providers, baseUrls: sandbox.baseUrls, customers: sandbox.customerCounts() });
    case 'GET /__sandbox/requests':
      return json(200, { requests: sandbox.requests() });
    case 'DELETE /__sandbox/requests':
      sandbox.clearRequests();
      return json(200, { requests: [] });
    case 'GET /__sandbox/faults':
      return json(200, sandbox.faults());
    case 'PUT /__sandbox/faults': {
      let config: unknown;
      try {
        config = request.body.trim() === '' ? {} : JSON.parse(request.body);
      } catch {
        return json(400, { error: 'invalid JSON body' });
      }
      const problems = validateFaults(config, sandbox.providers);
      if (problems.length > 0) return json(400, { error: 'invalid fault configuration', problems });
      sandbox.setFaults(config as FaultConfig);
      return json(200, sandbox.faults());
    }
    case 'GET /__sandbox/webhooks':
      return json(200, describeWebhookSettings(sandbox.webhooks()));
    case 'PUT /__sandbox/webhooks': {
      let body: unknown;
      try {
        body = request.body.trim() === '' ? {} : JSON.parse(request.body);
      } catch {
        return json(400, { error: 'invalid JSON body' });
      }
      const settings = parseWebhookSettings(body, sandbox.providers);
      if ('problems' in settings) return json(400, { error: 'invalid webhook configuration', problems: settings.problems });
      sandbox.setWebhooks(settings);
      return json(200, describeWebhookSettings(settings));
    }
    case 'GET /__sandbox/webhooks/deliveries':
      return json(200, { deliveries: sandbox.webhookDeliveries() });
    case 'DELETE /__sandbox/webhooks/deliveries':
      sandbox.clearWebhookDeliveries();
      return json(200, { deliveries: [] });
    case 'POST /__sandbox/reset':
      sandbox.reset();
      return json(200, { reset: true, customers: sandbox.customerCounts() });
    default:
      return json(404, {
        error: `unknown sandbox admin route ${route}`,
        routes: [
          'GET /__sandbox',
          'GET|DELETE /__sandbox/requests',
          'GET|PUT /__sandbox/faults',
          'GET|PUT /__sandbox/webhooks',
          'GET|DELETE /__sandbox/webhooks/deliveries',
          'POST /__sandbox/reset',
        ],
      });
  }
}
