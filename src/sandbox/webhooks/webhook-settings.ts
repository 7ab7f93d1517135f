import { defaultRetryDelaysMs, type WebhookSettings } from './webhook-outbox';
import type { WebhookEndpoint } from '../shared/webhook-types';

const MAX_RETRIES = 20;
const MAX_DELAY_MS = 24 * 3600 * 1000;

/**
 * The body of `PUT /__sandbox/webhooks`:
 * `{"endpoints": {"orb": {"url": "http://127.0.0.1:4000/webhooks/orb", "secret": "…"}}, "retryDelaysMs": [1000, 5000]}`.
 * A provider may list several endpoints (an array); `{}` stops all webhooks. Returns the settings or the problems.
 */
export function parseWebhookSettings(body: unknown, providers: readonly string[]): WebhookSettings | { problems: string[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { problems: ['the body must be a JSON object'] };
  const problems: string[] = [];
  const input = body as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (key !== 'endpoints' && key !== 'retryDelaysMs') problems.push(`unknown field "${key}" (known: endpoints, retryDelaysMs)`);
  }
  const endpoints: Record<string, WebhookEndpoint[]> = {};
  const given = input.endpoints ?? {};
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    problems.push('endpoints must be an object keyed by provider');
  } else {
    for (const [provider, value] of Object.entries(given)) {
      if (!providers.includes(provider)) {
        problems.push(`endpoints: unknown provider "${provider}" (known: ${providers.join(', ')})`);
        continue;
      }
      const list = Array.isArray(value) ? value : [value];
      endpoints[provider] = list.flatMap((item, index) => {
        const endpoint = parseEndpoint(item, `${provider}[${index}]`, problems);
        return endpoint === null ? [] : [{ ...endpoint, id: endpointId(provider, index) }];
      });
    }
  }
  let retryDelaysMs = defaultRetryDelaysMs;
  if (input.retryDelaysMs !== undefined) {
    const delays = input.retryDelaysMs;
    if (!Array.isArray(delays) || delays.length > MAX_RETRIES || !delays.every((delay) => Number.isInteger(delay) && delay >= 0 && delay <= MAX_DELAY_MS)) {
      problems.push(`retryDelaysMs must be a list of at most ${MAX_RETRIES} whole milliseconds from 0 to ${MAX_DELAY_MS}`);
    } else {
      retryDelaysMs = delays as number[];
    }
  }
  return problems.length > 0 ? { problems } : { endpoints, retryDelaysMs };
}

/** Endpoints at a gateway's base URL (`SANDBOX_WEBHOOK_URL`): `<base>/webhooks/<provider>` for each provider with a secret. */
export function gatewayEndpoints(baseUrl: string, secrets: Record<string, string>): Record<string, WebhookEndpoint[]> {
  const base = baseUrl.replace(/\/+$/, '');
  return Object.fromEntries(
    Object.entries(secrets).map(([provider, secret]) => [provider, [{ id: endpointId(provider, 0), url: `${base}/webhooks/${provider}`, secret }]]),
  );
}

/** What `GET /__sandbox/webhooks` shows: the endpoints without their secrets. */
export function describeWebhookSettings(settings: WebhookSettings): unknown {
  return {
    endpoints: Object.fromEntries(
      Object.entries(settings.endpoints).map(([provider, list]) => [provider, list.map((endpoint) => ({ id: endpoint.id, url: endpoint.url, secret: 'set' }))]),
    ),
    retryDelaysMs: settings.retryDelaysMs,
  };
}

function parseEndpoint(value: unknown, path: string, problems: string[]): Omit<WebhookEndpoint, 'id'> | null {
  if (typeof value !== 'object' || value === null) {
    problems.push(`endpoints.${path} must be {"url", "secret"}`);
    return null;
  }
  const { url, secret } = value as Record<string, unknown>;
  let valid = true;
  if (typeof url !== 'string' || !isHttpUrl(url)) {
    problems.push(`endpoints.${path}.url must be an http(s) URL`);
    valid = false;
  }
  if (typeof secret !== 'string' || secret.trim() === '') {
    problems.push(`endpoints.${path}.secret must be a non-empty string`);
    valid = false;
  }
  return valid ? { url: url as string, secret: secret as string } : null;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A stable UUID-shaped id per provider endpoint (Synctera sends it as `webhook_id`). */
function endpointId(provider: string, index: number): string {
  const hex = Buffer.from(`${provider}:${index}`).toString('hex').padEnd(32, '0').slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
