import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Logger as PinoLogger } from 'pino';
import type { Counter, Histogram } from 'prom-client';
import type { UpstreamObserver } from '../providers/kit/call-observer';
import type { GatewayMetrics } from './metrics';

const tracer = trace.getTracer('customer-graph');

/**
 * Logs, metrics and spans for provider calls, all from the one hook on the HTTP call path. A line is logged
 * only for an attempt that failed or will be retried; successes are counted, not logged.
 */
export function createUpstreamTelemetry(logger: PinoLogger, metrics: GatewayMetrics | null): UpstreamObserver {
  // prom-client hashes the label object on every observation; provider calls have few label sets, each made once.
  const waits = new Series<Histogram.Internal<'provider'>>();
  const requests = new Series<Counter.Internal>();
  const durations = new Series<Histogram.Internal<'provider' | 'method' | 'route'>>();
  return {
    start(attempt) {
      const { provider, method, route } = attempt;
      if (metrics !== null) waits.get(provider, () => metrics.upstreamWait.labels({ provider })).observe(attempt.waitedMs / 1000);
      const span = tracer.startSpan(`${method} ${route}`, {
        kind: SpanKind.CLIENT,
        attributes: {
          'http.request.method': method,
          'url.template': route,
          'customer_graph.provider': provider,
          'http.request.resend_count': attempt.attempt,
        },
      });
      return (end) => {
        const status = end.status !== null ? String(end.status) : (end.errorCode ?? 'error').toLowerCase();
        if (metrics !== null) {
          const call = `${provider}\n${method}\n${route}`;
          requests.get(`${call}\n${status}`, () => metrics.upstreamRequests.labels({ provider, method, route, status })).inc();
          durations.get(call, () => metrics.upstreamDuration.labels({ provider, method, route })).observe(end.durationMs / 1000);
          if (end.willRetry) metrics.upstreamRetries.inc({ provider, method, route });
        }
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

/** A metric's child per label set, made on first use and kept (the label sets are bounded: provider, route, status). */
class Series<T> {
  private readonly made = new Map<string, T>();

  get(key: string, make: () => T): T {
    let series = this.made.get(key);
    if (series === undefined) {
      series = make();
      this.made.set(key, series);
    }
    return series;
  }
}
