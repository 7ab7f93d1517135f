import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Logger as PinoLogger } from 'pino';
import type { UpstreamObserver } from '../providers/kit/call-observer';
import type { GatewayMetrics } from './metrics';

const tracer = trace.getTracer('customer-graph');

/**
 * Logs, metrics and spans for provider calls, all from the one hook on the HTTP call path. A line is logged
 * only for an attempt that failed or will be retried; successes are counted, not logged.
 */
export function createUpstreamTelemetry(logger: PinoLogger, metrics: GatewayMetrics | null): UpstreamObserver {
  return {
    start(attempt) {
      metrics?.upstreamWait.observe({ provider: attempt.provider }, attempt.waitedMs / 1000);
      const span = tracer.startSpan(`${attempt.method} ${attempt.route}`, {
        kind: SpanKind.CLIENT,
        attributes: {
          'http.request.method': attempt.method,
          'url.template': attempt.route,
          'customer_graph.provider': attempt.provider,
          'http.request.resend_count': attempt.attempt,
        },
      });
      return (end) => {
        const labels = { provider: attempt.provider, method: attempt.method, route: attempt.route };
        const outcome = end.status !== null ? String(end.status) : (end.errorCode ?? 'error').toLowerCase();
        metrics?.upstreamRequests.inc({ ...labels, status: outcome });
        metrics?.upstreamDuration.observe(labels, end.durationMs / 1000);
        if (end.willRetry) metrics?.upstreamRetries.inc(labels);
        if (end.status !== null) span.setAttribute('http.response.status_code', end.status);
        if (end.errorCode !== null) {
          // A 404 is how a by-id read learns that nobody is there: an answer, not an incident.
          const expected = end.errorCode === 'NOT_FOUND';
          span.setAttribute('error.type', end.errorCode);
          if (!expected) span.setStatus({ code: SpanStatusCode.ERROR });
          logger[expected ? 'debug' : 'warn'](
            {
              requestId: attempt.requestId,
              provider: attempt.provider,
              method: attempt.method,
              route: attempt.route,
              status: end.status,
              error: end.errorCode,
              attempt: attempt.attempt,
              willRetry: end.willRetry,
              durationMs: Math.round(end.durationMs),
            },
            end.willRetry ? 'upstream call failed, retrying' : 'upstream call failed',
          );
        }
        span.end();
      };
    },
  };
}
