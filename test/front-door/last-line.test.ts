import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

it('an unhandled rejection is logged with the request whose upstream call raised it, and the process keeps running', () => {
  const script = fileURLToPath(new URL('./fixtures/stray-rejection.ts', import.meta.url));
  const run = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 30_000 });
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('unhandled rejection (request request-42): ProviderError: status 400');
  expect(run.stdout).toContain('unhandled rejection (request unknown): Error: orphaned elsewhere');
  expect(run.stdout).toContain('still serving');
});
