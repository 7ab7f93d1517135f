import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { configError } from '../support/config';

describe('operations settings', () => {
  it('defaults: info logs, metrics on the gateway port, tracing off, a 10 s grace', () => {
    const config = loadConfig({});
    expect(config.observability).toEqual({ logLevel: 'info', prettyLogs: true, metricsPort: null, tracing: false, serviceName: 'customer-graph' });
    expect(config.shutdownGraceMs).toBe(10_000);
  });

  it('reads LOG_LEVEL, METRICS_PORT, SHUTDOWN_GRACE_MS and NODE_ENV', () => {
    const config = loadConfig({ LOG_LEVEL: 'DEBUG', METRICS_PORT: '9464', SHUTDOWN_GRACE_MS: '2500', NODE_ENV: 'production', AUTH: 'off' });
    expect(config.observability).toMatchObject({ logLevel: 'debug', metricsPort: 9464, prettyLogs: false });
    expect(config.shutdownGraceMs).toBe(2500);
  });

  it('turns tracing on only when an exporter or an OTLP endpoint is configured', () => {
    expect(loadConfig({ OTEL_TRACES_EXPORTER: 'otlp' }).observability.tracing).toBe(true);
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' }).observability.tracing).toBe(true);
    expect(loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:4318/v1/traces' }).observability.tracing).toBe(true);
    expect(loadConfig({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' }).observability.tracing).toBe(false);
    expect(loadConfig({ OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'console' }).observability.tracing).toBe(false);
    expect(loadConfig({ OTEL_SERVICE_NAME: 'billing-graph' }).observability.serviceName).toBe('billing-graph');
  });

  it('refuses an unknown LOG_LEVEL and out-of-range ports and grace, all at once', () => {
    const problems = configError({ LOG_LEVEL: 'loud', METRICS_PORT: '70000', SHUTDOWN_GRACE_MS: '-5' }).problems;
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent \(got "loud"\)/);
    expect(problems.join('\n')).toMatch(/METRICS_PORT must be a whole number from 0 to 65535/);
    expect(problems.join('\n')).toMatch(/SHUTDOWN_GRACE_MS must be a whole number/);
  });
});
