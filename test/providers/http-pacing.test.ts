import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../src/providers/spec/errors';
import { ProviderHttp } from '../../src/providers/kit/http-client';
import type { RateBudget, RateBudgetWait } from '../../src/providers/kit/rate-budget';
import { loopbackServer } from '../support/loopback';
import { transportsClosedAfterAll } from '../support/transport';

/** How ProviderHttp uses the rate budget and the concurrency ceiling: per attempt, around the exchange only. */

const seen: string[] = [];
const attemptsByPath = new Map<string, number>();
const newTransport = transportsClosedAfterAll();

const { origin } = await loopbackServer((request, response) => {
  const path = request.url ?? '';
  seen.push(path);
  const attempt = (attemptsByPath.get(path) ?? 0) + 1;
  attemptsByPath.set(path, attempt);
  if (path.startsWith('/fails-once') && attempt === 1) {
    // Retry-After (capped at the test's 400 ms) makes the backoff exact; the jittered one could be far shorter.
    response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
    return response.end('{"error":{"code":"unavailable","message":"try again"}}');
  }
  if (path.startsWith('/throttled') && attempt === 1) {
    response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '2' });
    return response.end('{"error":{"code":"slow_down","message":"too many"}}');
  }
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ path }));
});

function client(overrides: Parameters<typeof newTransport>[0] = {}): ProviderHttp {
  const transport = newTransport(overrides);
  return new ProviderHttp({
    provider: 'acme',
    baseUrl: origin,
    headers: {},
    parseError: (status, body) => ({ message: (body as { error?: { message?: string } } | null)?.error?.message ?? `status ${status}` }),
    transport,
  });
}

class RecordingBudget implements RateBudget {
  readonly acquired: string[] = [];
  readonly throttled: [string, number | null][] = [];
  refuse = false;

  acquire(provider: string, _wait: RateBudgetWait): Promise<void> {
    if (this.refuse) return Promise.reject(new ProviderError({ provider, code: 'RATE_LIMITED', message: `${provider} rate budget has no room` }));
    this.acquired.push(provider);
    return Promise.resolve();
  }

  onThrottled(provider: string, retryAfterMs: number | null): void {
    this.throttled.push([provider, retryAfterMs]);
  }
}

describe('rate budget and concurrency ceiling in the HTTP path', () => {
  it('holds no slot while a retry sleeps: another call goes ahead during the backoff', async () => {
    const http = client({ concurrency: 1, retry: { retries: 1, baseDelayMs: 400, maxDelayMs: 400 } });
    const finished: string[] = [];
    const retried = http.send({ method: 'GET', path: '/fails-once/a' }).then(() => finished.push('retried'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const other = http.send({ method: 'GET', path: '/other/a' }).then(() => finished.push('other'));
    await Promise.all([retried, other]);
    expect(finished).toEqual(['other', 'retried']);
    expect(seen.filter((path) => path.endsWith('/a'))).toEqual(['/fails-once/a', '/other/a', '/fails-once/a']);
  });

  it('takes budget once per attempt and tells the budget about a 429 with its Retry-After', async () => {
    const budget = new RecordingBudget();
    const http = client({ budget, retry: { retries: 1, baseDelayMs: 5, maxDelayMs: 20 } });
    const response = await http.send({ method: 'GET', path: '/throttled/b' });
    expect(response.status).toBe(200);
    expect(budget.acquired).toEqual(['acme', 'acme']);
    expect(budget.throttled).toEqual([['acme', 2000]]);
  });

  it('sends nothing when the budget refuses: the caller gets RATE_LIMITED at once', async () => {
    const budget = new RecordingBudget();
    budget.refuse = true;
    const http = client({ budget });
    const before = seen.length;
    await expect(http.send({ method: 'GET', path: '/other/c' })).rejects.toMatchObject({ code: 'RATE_LIMITED', provider: 'acme' });
    expect(seen.length).toBe(before);
  });
});
