import { NodeSDK, tracing } from '@opentelemetry/sdk-node';
import { afterAll, describe, expect, it } from 'vitest';
import { gatewayUnderTest, newestIdPerProvider } from '../support/gateway';

/** The real OpenTelemetry Node SDK with an in-memory exporter: the spans a collector would receive. */
const exporter = new tracing.InMemorySpanExporter();
const sdk = new NodeSDK({ spanProcessors: [new tracing.SimpleSpanProcessor(exporter)], instrumentations: [] });
sdk.start();
// Registered before the gateway's own: after-hooks run last-registered first, so the SDK shuts down after it.
afterAll(() => sdk.shutdown());
const gateway = await gatewayUnderTest();
const ids = await newestIdPerProvider(gateway);

describe('traces', () => {
  it('a span per operation under the caller\'s traceparent, per loader batch, and per upstream call, named by route template', async () => {
    exporter.reset();
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const callerSpanId = '00f067aa0ba902b7';
    const response = await gateway.request(
      { query: 'query ByIds($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids }, operationName: 'ByIds' },
      { traceparent: `00-${traceId}-${callerSpanId}-01` },
    );
    expect(response.status).toBe(200);
    const spans = exporter.getFinishedSpans();
    const operation = spans.find((span) => span.name === 'query ByIds');
    expect(operation).toBeDefined();
    expect(operation!.spanContext().traceId).toBe(traceId);
    expect(operation!.parentSpanContext?.spanId).toBe(callerSpanId);

    const batch = spans.find((span) => span.name === 'batch customer');
    expect(batch?.attributes['customer_graph.providers']).toEqual(['omise', 'orb', 'polar', 'stigg', 'synctera']);
    expect(batch?.parentSpanContext?.spanId).toBe(operation!.spanContext().spanId);

    const calls = spans.filter((span) => span.attributes['customer_graph.provider'] !== undefined);
    expect(calls.map((span) => span.name).sort()).toEqual([
      'GET /api/v1/customers/{customerId}',
      'GET /customers',
      'GET /customers/{customer_id}',
      'GET /customers/{customer_id}',
      'GET /v1/customers/{id}',
    ]);
    for (const call of calls) {
      expect(call.spanContext().traceId).toBe(traceId);
      expect(call.parentSpanContext?.spanId).toBe(batch!.spanContext().spanId);
      expect(call.attributes['http.response.status_code']).toBe(200);
    }
    const everything = JSON.stringify(spans.map((span) => ({ name: span.name, attributes: span.attributes })));
    for (const id of ids) expect(everything).not.toContain(id.split(':')[1]);
  });
});
