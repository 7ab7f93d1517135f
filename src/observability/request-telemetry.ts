import { context as otelContext, propagation, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger as PinoLogger } from 'pino';
import { requestIdFor } from '../front-door/request-id';
import type { GatewayMetrics } from './metrics';

const tracer = trace.getTracer('customer-graph');
const headerGetter = {
  get: (headers: Headers, key: string) => headers.get(key) ?? undefined,
  keys: (headers: Headers) => [...headers.keys()],
};

/** What the log line needs to know about one request, gathered as it runs. */
interface Tracked {
  requestId: string;
  startedAt: number;
  span: Span;
  operationName: string | null;
  operationType: string | null;
  caller: string | null;
  errorCodes: Set<string>;
  /** The request's calls, with its counter of upstream calls, once the context exists. */
  calls: { readonly upstreamCalls: { snapshot(): { byProvider: Record<string, number> } } } | null;
}

export interface RequestTelemetry {
  plugin: Plugin;
  /** The id this request is logged under, for the GraphQL context (the same one the response header carries). */
  requestIdOf(request: Request): string;
}

/** The caller's key name, once the front door has put a caller in the context. */
function callerName(graphContext: unknown): string | null {
  const caller = (graphContext as { caller?: { name?: unknown; keyName?: unknown } | null }).caller;
  const name = caller?.keyName ?? caller?.name;
  return typeof name === 'string' ? name : null;
}

/**
 * Request ids, the per-request log line and the operation span. The id is the caller's `x-request-id` when it
 * is a plain token, a new UUID otherwise, and goes back in the response header. An incoming W3C `traceparent`
 * makes the operation span a child of the caller's trace.
 */
export function createRequestTelemetry(options: {
  logger: PinoLogger;
  graphqlEndpoint: string;
  /** Observed once per GraphQL request with its whole HTTP time, when metrics are on. */
  httpDuration?: GatewayMetrics['httpDuration'];
}): RequestTelemetry {
  const tracked = new WeakMap<Request, Tracked>();
  // The request line's fields are all built below from ids, names, counts and codes, never from a header or a
  // payload, so it skips the logger's redaction walk (its wildcard paths, on every line, cost more CPU than the
  // line itself). Every other line keeps it.
  const requestLog = options.logger.child({}, { redact: [] });
  const plugin: Plugin = {
    instrumentation: {
      request({ request }, wrapped) {
        const parent = propagation.extract(otelContext.active(), request.headers, headerGetter);
        const span = tracer.startSpan('graphql request', { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method } }, parent);
        tracked.set(request, {
          requestId: requestIdFor(request),
          startedAt: performance.now(),
          span,
          operationName: null,
          operationType: null,
          caller: null,
          errorCodes: new Set(),
          calls: null,
        });
        return otelContext.with(trace.setSpan(parent, span), wrapped);
      },
    },
    onExecute({ args }) {
      const graphContext = args.contextValue as { request: Request; calls?: Tracked['calls'] };
      const entry = tracked.get(graphContext.request);
      if (entry === undefined) return;
      const operation = getOperationAST(args.document, args.operationName);
      entry.operationName = operation?.name?.value ?? args.operationName ?? null;
      entry.operationType = operation?.operation ?? null;
      entry.caller = callerName(graphContext);
      entry.calls = graphContext.calls ?? null;
      entry.span.updateName(`${entry.operationType ?? 'graphql'} ${entry.operationName ?? 'anonymous'}`);
      entry.span.setAttribute('graphql.operation.type', entry.operationType ?? 'unknown');
      if (entry.operationName !== null) entry.span.setAttribute('graphql.operation.name', entry.operationName);
    },
    onResultProcess({ request, result }) {
      const entry = tracked.get(request);
      if (entry === undefined || result === undefined || Symbol.asyncIterator in (result as object)) return;
      for (const single of Array.isArray(result) ? result : [result]) {
        for (const error of (single as { errors?: readonly { extensions?: { code?: unknown } }[] }).errors ?? []) {
          const code = error.extensions?.code;
          entry.errorCodes.add(typeof code === 'string' ? code : 'GRAPHQL_ERROR');
        }
        if (entry.operationType === 'mutation') for (const code of writeErrorCodes((single as { data?: unknown }).data)) entry.errorCodes.add(code);
      }
    },
    onResponse({ request, response }) {
      const entry = tracked.get(request);
      if (entry === undefined) return;
      tracked.delete(request);
      const { span } = entry;
      response.headers.set('x-request-id', entry.requestId);
      span.setAttribute('http.response.status_code', response.status);
      if (response.status >= 500 || entry.errorCodes.size > 0) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      // GraphiQL's page shares the endpoint; it is not an operation.
      if (pathOf(request.url) !== options.graphqlEndpoint || (response.headers.get('content-type') ?? '').startsWith('text/html')) return;
      const elapsedMs = performance.now() - entry.startedAt;
      options.httpDuration?.observe(
        { method: request.method, statusCode: response.status, operationType: entry.operationType ?? 'unknown', operationName: entry.operationName ?? 'Anonymous' },
        elapsedMs / 1000,
      );
      const durationMs = Math.round(elapsedMs * 10) / 10;
      requestLog[response.status >= 500 ? 'error' : 'info'](
        {
          requestId: entry.requestId,
          operationName: entry.operationName,
          operationType: entry.operationType,
          caller: entry.caller,
          status: response.status,
          durationMs,
          upstreamCalls: entry.calls?.upstreamCalls.snapshot().byProvider ?? {},
          errorCodes: [...entry.errorCodes],
        },
        'graphql request',
      );
    },
  };
  return { plugin, requestIdOf: (request) => tracked.get(request)?.requestId ?? requestIdFor(request) };
}

/**
 * A failed write answers with data, not `errors`: an `Error` member of the mutation's union, or an outcome's
 * `error`. Their codes (when the caller selected `code`) belong in the log line too, an unknown outcome above all.
 */
function writeErrorCodes(data: unknown): string[] {
  const codes: string[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 3 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.code === 'string' && typeof record.message === 'string') codes.push(record.code);
    for (const key of ['outcomes', 'error']) visit(record[key], depth + 1);
  };
  if (data !== null && typeof data === 'object') for (const field of Object.values(data)) visit(field, 0);
  return codes;
}

/** The path of an absolute request URL, without building a `URL` (which cost more than the rest of the log line). */
export function pathOf(url: string): string {
  const authority = url.indexOf('//') + 2;
  let start = url.length;
  let end = url.length;
  for (let index = authority; index < url.length; index++) {
    const char = url[index];
    if (char === '?' || char === '#') {
      end = index;
      break;
    }
    if (char === '/' && start === url.length) start = index;
  }
  return start >= end ? '/' : url.slice(start, end);
}
