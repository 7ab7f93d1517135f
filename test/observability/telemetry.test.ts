import { beforeEach, describe, expect, it } from 'vitest';
import { pathOf } from '../../src/observability/request-telemetry';
import { NodesByIdsDocument } from '../generated/graphql';
import { callsByProvider, gatewayUnderTest, newestIdPerProvider } from '../support/gateway';
import { capturingLogger } from '../support/log-capture';

const log = await capturingLogger();
const gateway = await gatewayUnderTest({ logger: log.logger, retry: { retries: 1 } });
const ids = await newestIdPerProvider(gateway);
beforeEach(() => {
  gateway.sandbox.setFaults({});
  gateway.clearUpstream();
  log.lines.length = 0;
});

async function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return gateway.request(body, { accept: 'application/json', ...headers });
}

const requestLines = () => log.lines.filter((line) => line.msg === 'graphql request');

describe('the per-request log line', () => {
  it('carries the caller\'s request id, echoes it in the response, and counts upstream calls as the sandbox saw them', async () => {
    const response = await post(
      { query: 'query ByIds($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids }, operationName: 'ByIds' },
      { 'x-request-id': 'req-abc.123' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req-abc.123');
    const lines = requestLines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      requestId: 'req-abc.123',
      operationName: 'ByIds',
      operationType: 'query',
      status: 200,
      errorCodes: [],
      upstreamCalls: callsByProvider(gateway.upstream()),
    });
    expect(Object.values(lines[0]!.upstreamCalls as Record<string, number>).reduce((sum, count) => sum + count, 0)).toBe(5);
    expect(typeof lines[0]!.durationMs).toBe('number');
    expect(typeof lines[0]!.time).toBe('string');
  });

  it('generates a request id when none is sent, and refuses one that is not a plain token', async () => {
    const fresh = await post({ query: '{ providers { name } }' });
    const generated = fresh.headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    const hostile = await post({ query: '{ providers { name } }' }, { 'x-request-id': 'evil\u0007 id{with}"quotes"' });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestLines().map((line) => line.requestId)).toEqual([generated, hostile.headers.get('x-request-id')]);
  });

  it('lists the error codes of a failed request', async () => {
    const invalidIdBody = (await (await post({ query: '{ customer(id: "nonsense") { id } }' })).json()) as { errors: { extensions: { code: string } }[] };
    await post({ query: '{ nope }' });
    const [invalidId, invalidQuery] = requestLines();
    expect(invalidIdBody.errors).toHaveLength(1);
    expect(invalidId!.errorCodes).toEqual([invalidIdBody.errors[0]!.extensions.code]);
    expect(invalidId!.errorCodes).not.toEqual(['GRAPHQL_ERROR']);
    expect(invalidQuery!.errorCodes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('lists the code of a write that failed as data (an error member of the mutation union)', async () => {
    const response = await post({
      query: 'mutation { createCustomer(input: { provider: OMISE, email: "log.check@example.com", currency: "USD" }) { __typename ... on Error { code message } } }',
    });
    const body = (await response.json()) as { data: { createCustomer: { __typename: string; code: string } } };
    expect(body.data.createCustomer.__typename).toBe('ValidationError');
    expect(requestLines()[0]).toMatchObject({ operationType: 'mutation', errorCodes: [body.data.createCustomer.code] });
    expect(gateway.upstream()).toEqual([]);
  });

  it('censors credentials in every other line, while the request line (built from known fields) skips the redaction walk', async () => {
    await post({ query: '{ __typename }' }, { authorization: 'Bearer sk-should-not-appear' });
    gateway.app.logger.warn({ authorization: 'Bearer sk-1', upstream: { apiKey: 'sk-2', headers: { authorization: 'sk-3' } }, password: 'p' }, 'probe');
    const probe = log.lines.find((line) => line.msg === 'probe');
    expect(probe).toMatchObject({ authorization: '[redacted]', upstream: { apiKey: '[redacted]', headers: { authorization: '[redacted]' } }, password: '[redacted]' });
    expect(requestLines()).toHaveLength(1);
    expect(Object.keys(requestLines()[0]!).sort()).toEqual(
      ['caller', 'durationMs', 'errorCodes', 'level', 'msg', 'operationName', 'operationType', 'requestId', 'service', 'status', 'time', 'upstreamCalls'].sort(),
    );
    for (const line of log.raw) expect(line).not.toMatch(/sk-/);
  });

  it('logs a failed upstream call with its route template and attempt, never the id or the key', async () => {
    gateway.sandbox.setFaults({ polar: { errorRate: 1, errorStatus: 503 } });
    const polarId = ids[3]!;
    const result = await gateway.execute(NodesByIdsDocument, { ids: [polarId] });
    expect(result.errors?.[0]?.extensions).toMatchObject({ provider: 'polar' });
    const failures = log.lines.filter((line) => String(line.msg).startsWith('upstream call failed'));
    expect(failures.map((line) => [line.provider, line.method, line.route, line.status, line.attempt, line.willRetry])).toEqual([
      ['polar', 'GET', '/v1/customers/{id}', 503, 0, true],
      ['polar', 'GET', '/v1/customers/{id}', 503, 1, false],
    ]);
    expect(failures[0]!.level).toBe('warn');
    const nativeId = polarId.slice('polar:'.length);
    for (const line of log.raw) {
      expect(line).not.toContain(nativeId);
      expect(line).not.toContain('test-key');
    }
  });
});

describe('/metrics', () => {
  it('counts upstream calls by provider and route as the sandbox request log does, in Prometheus text', async () => {
    const before = await scrape();
    await gateway.execute(NodesByIdsDocument, { ids });
    const logged = callsByProvider(gateway.upstream());
    const after = await scrape();
    for (const [provider, count] of Object.entries(logged)) {
      expect(upstreamTotal(after.text, provider) - upstreamTotal(before.text, provider)).toBe(count);
    }
    expect(after.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(after.text).toMatch(/customer_graph_upstream_requests_total\{provider="synctera",method="GET",route="\/customers",status="200"\} \d+/);
    expect(after.text).toMatch(/customer_graph_upstream_request_duration_seconds_bucket\{le="0\.005",provider="orb",method="GET",route="\/customers\/\{customer_id\}"\}/);
    expect(after.text).toMatch(/graphql_envelop_request_duration_count\{operationName="NodesByIds",operationType="query"\} \d+/);
    expect(after.text).toMatch(/graphql_yoga_http_duration_count\{method="POST",statusCode="200",operationType="query",operationName="ByIds"\} \d+/);
    expect(after.text).toMatch(/customer_graph_identity_index_external_ids\{provider="omise"\} [1-9]\d*/);
    expect(after.text).toMatch(/customer_graph_identity_index_age_seconds\{provider="synctera"\} /);
    expect(after.text).toMatch(/customer_graph_upstream_wait_seconds_count\{provider="polar"\} [1-9]/);
    expect(after.text).toContain('process_resident_memory_bytes');
    expect(after.text).not.toContain(ids[0]!.split(':')[1]!);
  });

  it('counts retries', async () => {
    gateway.sandbox.setFaults({ stigg: { errorRate: 1, errorStatus: 503 } });
    const before = await scrape();
    await gateway.execute(NodesByIdsDocument, { ids: [ids[1]!] });
    const after = await scrape();
    const retries = (text: string) => Number(/customer_graph_upstream_retries_total\{provider="stigg",method="GET",route="\/api\/v1\/customers\/\{customerId\}"\} (\d+)/.exec(text)?.[1] ?? 0);
    expect(retries(after.text) - retries(before.text)).toBe(1);
  });
});

describe('/health and /readiness', () => {
  it('answer 200 when the index is built, and readiness turns 503 once draining starts', async () => {
    const health = await gateway.app.yoga.fetch('http://gateway.test/health');
    expect(health.status).toBe(200);
    const ready = await gateway.app.yoga.fetch('http://gateway.test/readiness');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { draining: { ready: true }, identityIndex: { ready: true }, stateStore: { ready: true } } });
    gateway.app.readiness.register('searchIndex', () => ({ ready: false, detail: 'unreachable' }));
    const notReady = await gateway.app.yoga.fetch('http://gateway.test/readiness');
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ status: 'not ready', checks: { searchIndex: { ready: false, detail: 'unreachable' }, stateStore: { ready: true } } });
    gateway.app.readiness.register('searchIndex', () => ({ ready: true }));
    gateway.app.lifecycle.startDraining();
    const draining = await gateway.app.yoga.fetch('http://gateway.test/readiness');
    expect(draining.status).toBe(503);
    expect(await draining.json()).toMatchObject({ checks: { draining: { ready: false, detail: 'shutting down' } } });
  });
});

async function scrape(): Promise<{ text: string; contentType: string }> {
  const response = await gateway.app.yoga.fetch('http://gateway.test/metrics');
  expect(response.status).toBe(200);
  return { text: await response.text(), contentType: response.headers.get('content-type') ?? '' };
}

function upstreamTotal(text: string, provider: string): number {
  let total = 0;
  for (const match of text.matchAll(new RegExp(`^customer_graph_upstream_requests_total\\{provider="${provider}",.*\\} (\\d+)$`, 'gm'))) total += Number(match[1]);
  return total;
}

describe('pathOf (the request line is logged for the GraphQL endpoint only)', () => {
  it('reads the path of an absolute URL, without its query or fragment', () => {
    expect(pathOf('http://127.0.0.1:4000/graphql?query=%7B__typename%7D')).toBe('/graphql');
    expect(pathOf('https://api.example.com/graphql#top')).toBe('/graphql');
    expect(pathOf('http://gateway/a/b?c=/d')).toBe('/a/b');
    expect(pathOf('http://gateway')).toBe('/');
    expect(pathOf('http://gateway?x=/1')).toBe('/');
  });
});
