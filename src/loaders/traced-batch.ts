import { SpanStatusCode, trace } from '@opentelemetry/api';

const tracer = trace.getTracer('customer-graph');

/**
 * A span around one DataLoader batch (the calls a resolver's keys were gathered into), so a trace shows which
 * provider calls each batch made. Attributes: loader name, batch size and providers, never the keys themselves.
 */
export function tracedBatch<Key extends { provider: string }, Value>(
  loader: string,
  batch: (keys: readonly Key[]) => Promise<readonly (Value | Error)[]>,
): (keys: readonly Key[]) => Promise<readonly (Value | Error)[]> {
  return (keys) =>
    tracer.startActiveSpan(`batch ${loader}`, async (span) => {
      span.setAttribute('customer_graph.loader', loader);
      span.setAttribute('customer_graph.batch.size', keys.length);
      span.setAttribute('customer_graph.providers', [...new Set(keys.map((key) => key.provider))].sort());
      try {
        return await batch(keys);
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    });
}
