import type { Dispatcher } from 'undici';
import { currentRequestScope } from '../../request-scope';
import { ProviderError, codeForStatus, isRetryableStatus, parseRetryAfter, type ErrorBodyParser } from '../spec/errors';
import type { UpstreamAttemptEnd, UpstreamObserver } from './call-observer';
import type { ConcurrencyCeiling } from './concurrency-ceiling';
import type { HttpTimeouts } from './dispatcher';
import type { RateBudget } from './rate-budget';
import { backoffDelay, sleep, type RetryPolicy } from './retry';
import { RouteTemplates } from './route-template';

/** What every adapter shares: the app's one dispatcher, its timeouts, its retry policy and the per-provider limits. */
export interface HttpTransport {
  dispatcher: Dispatcher;
  timeouts: HttpTimeouts;
  retry: RetryPolicy;
  /** Logs, metrics and spans for every attempt; none when absent. */
  observer?: UpstreamObserver;
  /** Paces every attempt to the provider's rate; see `rate-budget.ts`. */
  budget: RateBudget;
  ceiling: ConcurrencyCeiling;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  /** Relative to the base URL, starting with `/`, path segments already encoded. */
  path: string;
  /** Already encoded in the provider's own style (brackets, commas, repeats). */
  query?: URLSearchParams | string;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /** Epoch milliseconds the request must finish by; waiting for rate budget never goes past it. */
  deadline?: number;
  idempotencyKey?: string;
  headers?: Record<string, string>;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON, or the text when the response is not JSON, or null when empty. */
  body: unknown;
}

export interface ProviderHttpOptions {
  provider: string;
  baseUrl: string;
  /** Auth and version headers for every call. Never copied into an error. */
  headers: Record<string, string>;
  parseError: ErrorBodyParser;
  /** The header name when the provider honours idempotency keys; writes may then be retried safely. */
  idempotencyHeader?: string;
  transport: HttpTransport;
  /** The provider's route templates (`/customers/{id}`), the only form in which paths reach telemetry. */
  routes?: readonly string[];
}

/** The one way adapters talk HTTP: signal, auth, timeouts, typed errors and the retry policy, applied alike. */
export class ProviderHttp {
  private readonly origin: string;
  private readonly basePath: string;
  private readonly routes: RouteTemplates;

  constructor(private readonly options: ProviderHttpOptions) {
    const url = new URL(options.baseUrl);
    this.origin = url.origin;
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.routes = new RouteTemplates(options.routes ?? []);
  }

  get provider(): string {
    return this.options.provider;
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    const { retry } = this.options.transport;
    const canRetry = request.method === 'GET' || (request.idempotencyKey !== undefined && this.options.idempotencyHeader !== undefined);
    const observer = this.options.transport.observer;
    const route = observer === undefined ? '' : this.routes.match(request.path);
    // Whether an earlier attempt of this write may have reached the provider; a later cancel does not undo it.
    let reachedBefore = false;
    for (let attempt = 0; ; attempt++) {
      if (request.signal?.aborted) throw this.aborted(request, reachedBefore);
      // Counted per attempt, outside the try: a refusal past the request's budget is not a transport failure to retry.
      currentRequestScope()?.upstreamCalls.record(this.options.provider);
      let started = 0;
      let finish: ((end: UpstreamAttemptEnd) => void) | undefined;
      const begin = (waitedMs: number) => {
        started = performance.now();
        finish = observer?.start({ provider: this.options.provider, method: request.method, route, attempt, waitedMs });
      };
      try {
        const response = await this.attempt(request, begin);
        finish?.({ status: response.status, errorCode: null, willRetry: false, durationMs: performance.now() - started });
        return response;
      } catch (error) {
        const failure = error instanceof ProviderError ? error : this.transportError(request, error);
        const willRetry = canRetry && failure.retryable && attempt < retry.retries && request.signal?.aborted !== true;
        finish?.({ status: failure.status, errorCode: failure.code, willRetry, durationMs: performance.now() - started });
        reachedBefore ||= failure.outcomeUnknown;
        if (!willRetry) throw failure;
        await sleep(backoffDelay(retry, attempt, failure.retryAfterMs), request.signal).catch(() => {
          throw this.aborted(request, reachedBefore);
        });
      }
    }
  }

  /** `begin` is called once the attempt holds its budget and slot, as the request goes out. */
  private async attempt(request: HttpRequest, begin: (waitedMs: number) => void): Promise<HttpResponse> {
    const query = request.query === undefined ? '' : String(request.query);
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers, ...request.headers };
    let body: string | undefined;
    if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers['content-type'] = 'application/json';
    }
    if (request.idempotencyKey !== undefined && this.options.idempotencyHeader !== undefined) {
      headers[this.options.idempotencyHeader] = request.idempotencyKey;
    }
    const { budget, ceiling } = this.options.transport;
    const provider = this.options.provider;
    // Per attempt, not per call: a retry sleeping in its backoff holds neither budget nor a slot.
    const queued = performance.now();
    await budget.acquire(provider, { signal: request.signal, deadline: request.deadline });
    const release = await ceiling.acquire(provider, request.signal);
    begin(performance.now() - queued);
    try {
      return await this.exchange(request, query, headers, body);
    } finally {
      release();
    }
  }

  private async exchange(request: HttpRequest, query: string, headers: Record<string, string>, body: string | undefined): Promise<HttpResponse> {
    const { timeouts } = this.options.transport;
    const response = await this.options.transport.dispatcher.request({
      origin: this.origin,
      path: `${this.basePath}${request.path}${query === '' ? '' : `?${query}`}`,
      method: request.method,
      headers,
      body,
      signal: request.signal,
      headersTimeout: timeouts.headersMs,
      bodyTimeout: timeouts.bodyMs,
    });
    let text: string;
    try {
      text = await response.body.text();
    } catch (error) {
      throw this.transportError(request, error);
    }
    const parsed = parseBody(text, response.headers['content-type']);
    if (response.statusCode >= 200 && response.statusCode < 300) {
      if (parsed.malformed) throw this.malformed(request, response.statusCode);
      return { status: response.statusCode, headers: response.headers, body: parsed.value };
    }
    throw this.statusError(request, response.statusCode, response.headers, parsed.value);
  }

  private statusError(request: HttpRequest, status: number, headers: HttpResponse['headers'], body: unknown): ProviderError {
    const details = this.options.parseError(status, body);
    const retryAfterMs = parseRetryAfter(headers['retry-after']) ?? details.retryAfterMs ?? null;
    if (status === 429) {
      void Promise.resolve(this.options.transport.budget.onThrottled(this.options.provider, retryAfterMs)).catch(() => undefined);
    }
    return new ProviderError({
      provider: this.options.provider,
      code: details.code ?? codeForStatus(status),
      status,
      message: details.message,
      providerCode: details.providerCode ?? null,
      field: details.field ?? null,
      retryable: isRetryableStatus(status),
      retryAfterMs,
      // A 5xx on a write may have been applied before the provider failed.
      outcomeUnknown: request.method !== 'GET' && status >= 500,
    });
  }

  private malformed(request: HttpRequest, status: number): ProviderError {
    return new ProviderError({
      provider: this.options.provider,
      code: 'MALFORMED_RESPONSE',
      status,
      message: `${this.options.provider} answered ${request.method} ${request.path} with a body that is not valid JSON`,
      retryable: true,
      outcomeUnknown: request.method !== 'GET',
    });
  }

  private aborted(request: HttpRequest, outcomeUnknown: boolean, cause?: unknown): ProviderError {
    const provider = this.options.provider;
    const reason: unknown = request.signal?.reason;
    // The app's shutdown (or a deadline) aborts with a reason worth saying; a plain cancel says nothing more.
    const why = reason instanceof Error && reason.name !== 'AbortError' ? ` (${reason.message})` : '';
    return new ProviderError({ provider, code: 'ABORTED', message: `${provider} call ${request.method} ${request.path} was cancelled${why}`, outcomeUnknown, cause: cause ?? reason });
  }

  private transportError(request: HttpRequest, error: unknown): ProviderError {
    const provider = this.options.provider;
    const where = `${request.method} ${request.path}`;
    // A write cut off mid-flight (the caller left, the gateway shut down) may have reached the provider.
    if (request.signal?.aborted) return this.aborted(request, request.method !== 'GET', error);
    const code = (error as { code?: string } | null)?.code ?? '';
    const isConnect = code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ECONNREFUSED' || code === 'ENOTFOUND';
    const isTimeout = code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT';
    return new ProviderError({
      provider,
      code: isTimeout ? 'TIMEOUT' : 'NETWORK_ERROR',
      message: isTimeout ? `${provider} did not answer ${where} in time` : `${provider} could not be reached for ${where}`,
      providerCode: code || null,
      retryable: true,
      // A request that never connected was never sent; any other failure may have reached the provider.
      outcomeUnknown: request.method !== 'GET' && !isConnect,
      cause: error,
    });
  }
}

function parseBody(text: string, contentType: string | string[] | undefined): { value: unknown; malformed: boolean } {
  if (text === '') return { value: null, malformed: false };
  const type = String(contentType ?? '');
  if (!type.includes('json')) return { value: text, malformed: false };
  try {
    return { value: JSON.parse(text), malformed: false };
  } catch {
    return { value: text, malformed: true };
  }
}

/**
 * Encodes one path segment (external ids may hold `/`, `?` or spaces). What no encoding can make safe is refused:
 * an empty segment, `.` or `..` (servers normalise them, and `%2E%2E` too, so `/customers/..` would reach the list),
 * and text that is not valid Unicode. The graph refuses such ids first; this is the last line before the wire.
 */
export function segment(value: string): string {
  if (value === '' || value === '.' || value === '..' || /[\ud800-\udfff]/u.test(value)) {
    // No resource can live at such a path, so "not found" is the true answer (reads become null, as for any unknown id).
    throw new ProviderError({ provider: 'gateway', code: 'NOT_FOUND', message: 'no customer can have this id: it cannot be sent as a URL path segment' });
  }
  return encodeURIComponent(value);
}
