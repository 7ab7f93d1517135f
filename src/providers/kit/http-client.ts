import type { Dispatcher } from 'undici';
import { markRequestError, requestScopeOf, type RequestScope } from '../../request-scope';
import { ProviderError, codeForStatus, isRetryableStatus, parseRetryAfter, type ErrorBodyParser } from '../spec/errors';
import type { UpstreamObserver } from './call-observer';
import type { ConcurrencyCeiling } from './concurrency-ceiling';
import type { AttemptControl } from './attempt-control';
import { deadlineOf, isDeadlineAbort } from './deadline';
import type { HttpTimeouts } from './dispatcher';
import { exchange, type Exchanged } from './exchange';
import { HedgeLost } from './hedge';
import { malformed } from './payload';
import type { RateBudget } from './rate-budget';
import { markReplayed } from './replay';
import { AttemptTimeout, type ResilienceRegistry } from './resilience';
import type { RetryPolicy } from './retry';
import { RouteTemplates } from './route-template';

/** What every adapter shares: the app's one dispatcher, its timeouts, its retry policy, the per-provider limits and breakers. */
export interface HttpTransport {
  dispatcher: Dispatcher;
  timeouts: HttpTimeouts;
  retry: RetryPolicy;
  /** Deadline, attempt timeouts, hedging, retries and the circuit breaker, per provider. */
  resilience: ResilienceRegistry;
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
  /** Epoch milliseconds the request must finish by (default: the deadline its signal carries); waiting for rate budget never goes past it. */
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
    const read = request.method === 'GET';
    const retryable = read || (request.idempotencyKey !== undefined && this.options.idempotencyHeader !== undefined);
    const deadline = request.deadline ?? deadlineOf(request.signal);
    const observer = this.options.transport.observer;
    const route = observer === undefined ? '' : this.routes.match(request.path);
    const scope = requestScopeOf(request.signal);
    let attempts = 0;
    let waitedMs = 0;
    const call = this.options.transport.resilience.for(this.options.provider).execute(
      {
        description: `${request.method} ${request.path}`,
        read,
        retryable,
        signal: request.signal,
        deadline,
        spare: () => !this.options.transport.ceiling.saturated(this.options.provider),
        admit: (control) => {
          const release = this.admit(request, control, deadline, scope);
          if (typeof release === 'function') {
            waitedMs = 0;
            return release;
          }
          const queued = performance.now();
          return release.then((granted) => {
            waitedMs = performance.now() - queued;
            return granted;
          });
        },
      },
      async (control) => {
        const attempt = attempts++;
        const started = performance.now();
        const finish = observer?.start({ provider: this.options.provider, method: request.method, route, attempt, waitedMs, requestId: scope?.requestId });
        try {
          const response = await this.attempt(request, control);
          finish?.({ status: response.status, errorCode: null, willRetry: false, durationMs: performance.now() - started });
          return response;
        } catch (error) {
          const failure = error instanceof ProviderError ? error : this.transportError(request, error, control);
          // As the policy will judge it, short of the deadline: for logs and metrics only.
          const willRetry = retryable && failure.retryable && attempt < this.options.transport.retry.retries && request.signal?.aborted !== true;
          finish?.({ status: failure.status, errorCode: failure.code, willRetry, durationMs: performance.now() - started });
          throw failure;
        }
      },
    );
    if (scope === undefined) return call;
    // Should a caller ever leave this rejection unhandled, the last line names the request (`last-line.ts`).
    return call.catch((error: unknown) => {
      markRequestError(error, scope.requestId);
      throw error;
    });
  }

  /**
   * Per attempt, not per call: a retry sleeping in its backoff holds neither rate budget nor a slot. The release
   * comes at once when the budget has a unit and a slot is free (no promise to settle), else a promise of it.
   */
  private admit(request: HttpRequest, control: AttemptControl, deadline: number | undefined, scope: RequestScope | undefined): (() => void) | Promise<() => void> {
    // Counted per attempt (hedges too), before any wait: a refusal past the request's budget is not a transport failure.
    scope?.upstreamCalls.record(this.options.provider);
    const { budget, ceiling } = this.options.transport;
    if (control.aborted || budget.tryAcquire?.(this.options.provider) !== true) return this.wait(request, control, deadline, true);
    return ceiling.tryAcquire(this.options.provider) ?? this.wait(request, control, deadline, false);
  }

  /** Waits for the rate budget (unless already taken) and a concurrency slot, or fails as the wait's end says. */
  private async wait(request: HttpRequest, control: AttemptControl, deadline: number | undefined, forBudget: boolean): Promise<() => void> {
    const { budget, ceiling } = this.options.transport;
    try {
      // A rate budget wait is rare (a limited provider, or one that answered 429) and takes a real signal.
      if (forBudget) await budget.acquire(this.options.provider, { signal: control.signal, deadline });
      return await ceiling.acquire(this.options.provider, control);
    } catch (error) {
      throw error instanceof ProviderError ? error : this.transportError(request, error, control);
    }
  }

  /** One try; `control` stops it on the request's cancel, this attempt's own timeout or a hedge's win. */
  private async attempt(request: HttpRequest, control: AttemptControl): Promise<HttpResponse> {
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
    const { timeouts } = this.options.transport;
    let response: Exchanged;
    try {
      response = await exchange(
        this.options.transport.dispatcher,
        {
          origin: this.origin,
          path: `${this.basePath}${request.path}${query === '' ? '' : `?${query}`}`,
          method: request.method,
          headers,
          body,
          headersTimeout: timeouts.headersMs,
          bodyTimeout: timeouts.bodyMs,
        },
        control,
      );
    } catch (error) {
      throw this.transportError(request, error, control);
    }
    if (response.status !== 429) this.options.transport.budget.onAnswered?.(this.options.provider);
    const parsed = parseBody(response.text, response.headers['content-type']);
    if (response.status >= 200 && response.status < 300) {
      if (parsed.malformed) throw this.malformed(request, response.status);
      if (request.method !== 'GET' && String(response.headers['idempotent-replayed']).toLowerCase() === 'true') markReplayed(parsed.value);
      return { status: response.status, headers: response.headers, body: parsed.value };
    }
    throw this.statusError(request, response.status, response.headers, parsed.value);
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
    const { provider } = this.options;
    return malformed(provider, `${provider} answered ${request.method} ${request.path} with a body that is not valid JSON`, { status, outcomeUnknown: request.method !== 'GET' });
  }

  private aborted(request: HttpRequest, outcomeUnknown: boolean, cause?: unknown): ProviderError {
    const provider = this.options.provider;
    const reason: unknown = request.signal?.reason;
    // The app's shutdown aborts with a reason worth saying; a plain cancel says nothing more.
    const why = reason instanceof Error && reason.name !== 'AbortError' ? ` (${reason.message})` : '';
    return new ProviderError({ provider, code: 'ABORTED', message: `${provider} call ${request.method} ${request.path} was cancelled${why}`, outcomeUnknown, cause: cause ?? reason });
  }

  private transportError(request: HttpRequest, error: unknown, control: AttemptControl): ProviderError {
    const provider = this.options.provider;
    const where = `${request.method} ${request.path}`;
    const write = request.method !== 'GET';
    // A write cut off mid-flight (the deadline passed, the caller left, the gateway shut down) may have reached the provider.
    if (request.signal?.aborted) {
      if (isDeadlineAbort(request.signal)) {
        return new ProviderError({ provider, code: 'TIMEOUT', message: `${provider} did not answer ${where} within the request's deadline`, retryable: true, outcomeUnknown: write, byDeadline: true, cause: error });
      }
      return this.aborted(request, write, error);
    }
    const reason = control.reason;
    if (reason instanceof AttemptTimeout) {
      return new ProviderError({
        provider,
        code: 'TIMEOUT',
        message: `${provider} did not answer ${where} in time (${reason.message})`,
        retryable: true,
        outcomeUnknown: write,
        byDeadline: reason.byDeadline,
        providerAnswering: reason.providerAnswering,
        cause: error,
      });
    }
    if (reason instanceof HedgeLost) return new ProviderError({ provider, code: 'ABORTED', message: `${provider} call ${where} lost to its hedge`, cause: error });
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
