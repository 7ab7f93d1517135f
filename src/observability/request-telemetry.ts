import { context as otelContext, propagation, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger as PinoLogger } from 'pino';
import { requestIdFor, requestIdHeader } from './request-id';
import { createRequestScope, runInRequestScope, type RequestScope } from './request-scope';

const tracer = trace.getTracer('customer-graph');
const headerGetter = {
  get: (headers: Headers, key: string) => headers.get(key) ?? undefined,
  keys: (headers: Headers) => [...headers.keys()],
};

interface Tracked {
  scope: RequestScope;
  span: Span;
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
export function requestTelemetryPlugin(options: { logger: PinoLogger; graphqlEndpoint: string }): Plugin {
  const tracked = new WeakMap<Request, Tracked>();
  return {
    instrumentation: {
      request({ request }, wrapped) {
        const scope = createRequestScope(requestIdFor(request.headers));
        const parent = propagation.extract(otelContext.active(), request.headers, headerGetter);
        const span = tracer.startSpan('graphql request', { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method } }, parent);
        tracked.set(request, { scope, span });
        return otelContext.with(trace.setSpan(parent, span), () => runInRequestScope(scope, wrapped));
      },
    },
    onExecute({ args }) {
      const entry = tracked.get((args.contextValue as { request: Request }).request);
      if (entry === undefined) return;
      const operation = getOperationAST(args.document, args.operationName);
      entry.scope.operationName = operation?.name?.value ?? args.operationName ?? null;
      entry.scope.operationType = operation?.operation ?? null;
      entry.scope.caller = callerName(args.contextValue);
      entry.span.updateName(`${entry.scope.operationType ?? 'graphql'} ${entry.scope.operationName ?? 'anonymous'}`);
      entry.span.setAttribute('graphql.operation.type', entry.scope.operationType ?? 'unknown');
      if (entry.scope.operationName !== null) entry.span.setAttribute('graphql.operation.name', entry.scope.operationName);
    },
    onResultProcess({ request, result }) {
      const entry = tracked.get(request);
      if (entry === undefined || result === undefined || Symbol.asyncIterator in (result as object)) return;
      for (const single of Array.isArray(result) ? result : [result]) {
        for (const error of (single as { errors?: readonly { extensions?: { code?: unknown } }[] }).errors ?? []) {
          const code = error.extensions?.code;
          entry.scope.errorCodes.add(typeof code === 'string' ? code : 'GRAPHQL_ERROR');
        }
      }
    },
    onResponse({ request, response }) {
      const entry = tracked.get(request);
      if (entry === undefined) return;
      tracked.delete(request);
      const { scope, span } = entry;
      response.headers.set(requestIdHeader, scope.requestId);
      span.setAttribute('http.response.status_code', response.status);
      if (response.status >= 500 || scope.errorCodes.size > 0) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      const path = new URL(request.url, 'http://gateway').pathname;
      // GraphiQL's page shares the endpoint; it is not an operation.
      if (path !== options.graphqlEndpoint || (response.headers.get('content-type') ?? '').startsWith('text/html')) return;
      const durationMs = Math.round((performance.now() - scope.startedAt) * 10) / 10;
      options.logger[response.status >= 500 ? 'error' : 'info'](
        {
          requestId: scope.requestId,
          operationName: scope.operationName,
          operationType: scope.operationType,
          caller: scope.caller,
          status: response.status,
          durationMs,
          upstreamCalls: scope.upstreamCalls,
          errorCodes: [...scope.errorCodes],
        },
        'graphql request',
      );
    },
  };
}
