import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayServer, type GatewayServer } from '../../src/server/gateway-server';
import { chromiumPath } from '../support/chromium';
import { gatewayUnderTest } from '../support/gateway';

/** GraphiQL in Debian's chromium, from a gateway on a loopback port: the examples run and show their answers. */
const gateway = await gatewayUnderTest({ people: 100 });
const sandbox = gateway.sandbox;
let server: GatewayServer;
let browser: BrowserContext;
let profileDirectory: string;
const requested: string[] = [];

beforeAll(async () => {
  server = await startGatewayServer(gateway.app, { port: 0, host: '127.0.0.1', graceMs: 1000 });
  profileDirectory = await mkdtemp(join(tmpdir(), 'customer-graph-chromium-'));
  browser = await chromium.launchPersistentContext(profileDirectory, {
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  browser.on('request', (request) => requested.push(request.url()));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await rm(profileDirectory, { recursive: true, force: true });
  await server?.shutdown();
});

/** Monaco draws spaces as no-break spaces; compare plain text. */
async function text(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).innerText()).replace(/\u00a0/g, ' ');
}

async function run(page: Page): Promise<string> {
  const response = page.locator('.graphiql-response');
  const before = await response.innerText();
  await page.locator('.graphiql-execute-button').click();
  await page.waitForFunction((previous) => {
    const shown = document.querySelector('.graphiql-response')?.textContent ?? '';
    return shown !== previous && shown.includes('"data"');
  }, before, { timeout: 30_000 });
  return text(page, '.graphiql-response');
}

describe('GraphiQL', () => {
  it('opens with a query tab and a mutation tab, runs an example of each, and loads nothing from off this machine', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/graphql`, { waitUntil: 'load' });
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 60_000 });
    const tabs = page.locator('.graphiql-tab');
    await expect.poll(() => tabs.count(), { timeout: 30_000 }).toBe(2);

    // The first tab holds several queries; the run button asks which one.
    await expect.poll(() => text(page, '.graphiql-query-editor'), { timeout: 30_000 }).toContain('query Providers');
    await page.locator('.graphiql-execute-button').click();
    await page.getByRole('menuitem', { name: 'Providers' }).click();
    await page.waitForFunction(() => (document.querySelector('.graphiql-response')?.textContent ?? '').includes('"providers"'), undefined, { timeout: 30_000 });
    const providers = await text(page, '.graphiql-response');
    expect(providers).toContain('"name": "ORB"');
    expect(providers).toContain('"mode": "SANDBOX"');

    await tabs.nth(1).click();
    await expect.poll(() => text(page, '.graphiql-query-editor'), { timeout: 30_000 }).toContain('mutation CreateCustomer');
    const created = await run(page);
    expect(created).toContain('"__typename": "CreateCustomerPayload"');
    expect(created).toContain('"replayed": false');
    expect(created).toContain('"email": "ada.lovelace@example.com"');
    expect(sandbox.requests().filter((entry) => entry.provider === 'polar' && entry.method === 'POST')).toHaveLength(1);

    const replayed = await run(page);
    expect(replayed).toContain('"replayed": true');
    expect(sandbox.requests().filter((entry) => entry.provider === 'polar' && entry.method === 'POST')).toHaveLength(1);

    const offMachine = requested.filter((url) => {
      const parsed = new URL(url);
      return !['data:', 'blob:', 'about:'].includes(parsed.protocol) && parsed.hostname !== '127.0.0.1';
    });
    expect(requested.length).toBeGreaterThan(0);
    expect(offMachine).toEqual([]);
  }, 180_000);
});
