/**
 * OpenTelemetry's Node SDK, configured by the standard `OTEL_*` variables (exporter, endpoint, headers,
 * sampler, resource). No automatic instrumentation: the gateway makes its own spans, which name routes by
 * template, so ids, emails and keys in URLs never reach a trace. Loaded only when tracing is on: the SDK and
 * its exporters cost start-up time and memory that a gateway without a collector should not pay.
 */
export async function startTracing(serviceName: string): Promise<{ shutdown(): Promise<void> }> {
  const { NodeSDK } = await import('@opentelemetry/sdk-node');
  const sdk = new NodeSDK({ serviceName, instrumentations: [] });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}
