import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../logger';
import type { CustomerChangeEvent, WebhookHeaders, WebhookReceiver } from '../providers/kit/webhooks';
import { WebhookPayloadError, WebhookSignatureError } from '../providers/kit/webhooks';

/** Providers redeliver for up to about 55 hours (Synctera); an event id is remembered a little longer. */
const SEEN_TTL_MS = 72 * 3600 * 1000;
const MAX_BODY_BYTES = 1024 * 1024;
const PATH = /^\/webhooks\/([a-z]+)\/?$/;

/** What de-duplication needs from the state port's key-value store. */
export interface SeenEvents {
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  delete(key: string): Promise<void>;
}

export interface WebhookEndpointOptions {
  /** Per provider; null or absent: that provider's webhooks are not accepted (404). */
  secrets: Readonly<Record<string, string | null>>;
  receivers: Readonly<Record<string, WebhookReceiver>>;
  seen: SeenEvents;
  apply(provider: string, change: CustomerChangeEvent): Promise<void>;
  logger: Logger;
  now?: () => Date;
  /** Told the outcome of every delivery to a configured provider (metrics). */
  onOutcome?: (provider: string, outcome: WebhookOutcome) => void;
}

/** applied, duplicate, rejected (signature, 401), invalid (400, 405, 413), error (not applied, 500 or 503). */
export type WebhookOutcome = 'applied' | 'duplicate' | 'rejected' | 'invalid' | 'error';

/**
 * `POST /webhooks/<provider>`: verified with the provider's secret (401 and nothing applied when the signature is
 * missing, wrong or more than five minutes old), applied once per event id across every instance sharing the
 * state store, and answered at once, well inside each provider's delivery timeout. A failure to apply answers
 * 500 and forgets the event id, so the provider's redelivery applies it.
 */
export async function handleWebhook(request: Request, provider: string, options: WebhookEndpointOptions): Promise<Response> {
  const receiver = options.receivers[provider];
  const secret = options.secrets[provider] ?? null;
  if (receiver === undefined || secret === null) return answer(404, { error: `webhooks for "${provider}" are not configured` });
  const response = await receive(request, provider, receiver, secret, options);
  options.onOutcome?.(provider, outcomeOf(response.status, response));
  return response;
}

/** The 200 answers to an event already applied, told apart from the 200s that applied one. */
const duplicates = new WeakSet<Response>();

function outcomeOf(status: number, response: Response): WebhookOutcome {
  if (status === 200) return duplicates.has(response) ? 'duplicate' : 'applied';
  if (status === 401) return 'rejected';
  return status < 500 ? 'invalid' : 'error';
}

async function receive(request: Request, provider: string, receiver: WebhookReceiver, secret: string, options: WebhookEndpointOptions): Promise<Response> {
  if (request.method !== 'POST') return answer(405, { error: 'webhooks are POSTed' }, { allow: 'POST' });
  const length = Number(request.headers.get('content-length') ?? '0');
  if (length > MAX_BODY_BYTES) return answer(413, { error: `body larger than ${MAX_BODY_BYTES} bytes` });
  const body = await request.text();
  if (Buffer.byteLength(body) > MAX_BODY_BYTES) return answer(413, { error: `body larger than ${MAX_BODY_BYTES} bytes` });

  let verified;
  try {
    verified = receiver.verify(body, headersOf(request.headers), secret, options.now?.() ?? new Date());
  } catch (error) {
    if (error instanceof WebhookSignatureError) {
      options.logger.warn(`webhook ${provider}: refused (${error.message})`);
      return answer(401, { error: 'invalid webhook signature' });
    }
    if (error instanceof WebhookPayloadError) return answer(400, { error: error.message });
    throw error;
  }

  const seenKey = `webhook:${provider}:${verified.eventId}`;
  if (!(await options.seen.setIfAbsent(seenKey, '1', SEEN_TTL_MS))) {
    const duplicate = answer(200, { received: true, duplicate: true });
    duplicates.add(duplicate);
    return duplicate;
  }
  try {
    for (const change of verified.changes) await options.apply(provider, change);
  } catch (error) {
    await options.seen.delete(seenKey).catch(() => undefined);
    options.logger.warn(`webhook ${provider}: ${verified.type} ${verified.eventId} not applied (${(error as Error).message}); the provider will redeliver`);
    return answer(500, { error: 'not applied; deliver again' });
  }
  return answer(200, { received: true, duplicate: false, changes: verified.changes.length });
}

/** Serves the webhook paths beside `/graphql`, on the same port. */
export function webhookRoutes(options: WebhookEndpointOptions): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      const match = PATH.exec(url.pathname);
      if (match === null) return;
      try {
        endResponse(await handleWebhook(request, match[1] as string, options));
      } catch (error) {
        const provider = match[1] as string;
        if (options.receivers[provider] !== undefined && (options.secrets[provider] ?? null) !== null) options.onOutcome?.(provider, 'error');
        options.logger.warn(`webhook ${match[1]}: ${(error as Error).message}`);
        endResponse(answer(503, { error: 'temporarily unavailable; deliver again' }));
      }
    },
  };
}

function headersOf(headers: Headers): WebhookHeaders {
  const plain: WebhookHeaders = {};
  headers.forEach((value, name) => {
    plain[name.toLowerCase()] = value;
  });
  return plain;
}

function answer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}
