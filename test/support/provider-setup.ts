import { afterAll, beforeEach } from 'vitest';
import type { HttpTransport } from '../../src/providers/kit/http-client';
import type { CustomerProvider } from '../../src/providers/spec/provider';
import { registry } from '../../src/registry';
import { createSandbox, type Sandbox } from '../../src/sandbox/sandbox';
import { call } from './http';
import { testTransport } from './transport';

/*
 * Per-provider set-up for the adapter and simulator suites. Each function starts what it returns and registers
 * its own clean-up, so a test file calls it once, at the top level, with `await`:
 *
 *   const { sandbox, provider: orb, adapter } = await adapterUnderTest('orb', { apiKey: 'orb_test_key' });
 */

/** A credential each simulator accepts (any non-empty key of the right form), for raw calls that bypass the adapters. */
export const sandboxAuth: Readonly<Record<string, Record<string, string>>> = {
  orb: { authorization: 'Bearer test' },
  stigg: { 'x-api-key': 'test' },
  omise: { authorization: `Basic ${Buffer.from('skey_test_x:').toString('base64')}` },
  polar: { authorization: 'Bearer test' },
  synctera: { authorization: 'Bearer test' },
};

/** A raw JSON call to one provider's simulator, with `sandboxAuth`'s credential; `headers` may add to or override it. */
export function simulatorCall(sandbox: Sandbox, provider: string, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  return call(`${sandbox.baseUrls[provider]}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...sandboxAuth[provider], ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

export interface TestSandboxOptions {
  /** How many people the seed has. @default 200 */
  people?: number;
  seedNow?: Date;
  /** Back to the seed data (log and faults cleared) before each test. @default true */
  resetBeforeEach?: boolean;
}

function registration(name: string) {
  const found = registry.find((entry) => entry.adapter.name === name);
  if (found === undefined) throw new Error(`no provider "${name}" in src/registry.ts`);
  return found;
}

/**
 * A sandbox on a free loopback port serving the named providers' simulators (`'all'`: every registered one),
 * closed after the file and reset before each test.
 */
export async function startTestSandbox(providers: readonly string[] | 'all', options: TestSandboxOptions = {}): Promise<Sandbox> {
  const simulators = (providers === 'all' ? registry : providers.map(registration)).map((entry) => entry.simulator);
  const sandbox = await createSandbox({ port: 0, people: options.people ?? 200, simulators, seedNow: options.seedNow });
  afterAll(() => sandbox.close());
  if (options.resetBeforeEach ?? true) beforeEach(() => sandbox.reset());
  return sandbox;
}

export interface AdapterSandbox {
  sandbox: Sandbox;
  /** Short timeouts and fast retries (`test/support/transport.ts`); closed after the file. */
  transport: HttpTransport;
  /** A provider's adapter against this sandbox, created through the registry as the app creates it. */
  adapter(name: string, apiKey: string): CustomerProvider;
}

/** A sandbox with the named simulators (`'all'` by default) and a transport to build their adapters with. */
export async function adaptersUnderTest(providers: readonly string[] | 'all' = 'all', options: TestSandboxOptions = {}): Promise<AdapterSandbox> {
  const sandbox = await startTestSandbox(providers, options);
  const transport = testTransport();
  afterAll(() => transport.dispatcher.close());
  return {
    sandbox,
    transport,
    adapter: (name, apiKey) => registration(name).adapter.create({ baseUrl: sandbox.baseUrls[name] as string, apiKey }, transport),
  };
}

export interface AdapterUnderTest extends AdapterSandbox {
  /** The adapter, with the key given. */
  provider: CustomerProvider;
  /** The provider's base URL in the sandbox, for raw calls that bypass the adapter. */
  baseUrl: string;
  /** The same adapter with another key (`''` for none). */
  withKey(apiKey: string): CustomerProvider;
}

/** One provider: its simulator alone in a sandbox, and its adapter configured against it. */
export async function adapterUnderTest(name: string, options: TestSandboxOptions & { apiKey: string }): Promise<AdapterUnderTest> {
  const setup = await adaptersUnderTest([name], options);
  return {
    ...setup,
    provider: setup.adapter(name, options.apiKey),
    baseUrl: setup.sandbox.baseUrls[name] as string,
    withKey: (apiKey) => setup.adapter(name, apiKey),
  };
}

/**
 * For determinism checks: two more sandboxes of one provider, one with the default seed (the same data as
 * `startTestSandbox` with these options) and one with seed 7. `body` gets each one's base URL for the provider;
 * both are closed after it.
 */
export async function withSeedTwins(provider: string, options: TestSandboxOptions, body: (baseUrls: { sameSeed: string; otherSeed: string }) => Promise<void>): Promise<void> {
  const simulators = [registration(provider).simulator];
  const create = (seed: number | undefined) => createSandbox({ port: 0, people: options.people ?? 200, seed, simulators, seedNow: options.seedNow });
  const same = await create(undefined);
  try {
    const other = await create(7);
    try {
      await body({ sameSeed: same.baseUrls[provider] as string, otherSeed: other.baseUrls[provider] as string });
    } finally {
      await other.close();
    }
  } finally {
    await same.close();
  }
}
