import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTrustedDocuments } from '../../src/front-door/trusted-documents';
import { startTestGateway, type TestGateway } from '../support/gateway';

const scratch = mkdtempSync(join(tmpdir(), 'trusted-'));
const file = join(scratch, 'trusted-documents.json');
let gateway: TestGateway;
let byName: Map<string, string>;

beforeAll(async () => {
  // The npm script, as an operator runs it: `npm run trusted-documents -- test/documents <file>`.
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/trusted-documents-cli.ts', 'test/documents', file], { encoding: 'utf8', timeout: 120_000 });
  expect(run.status, run.stderr).toBe(0);
  const documents = readTrustedDocuments(file);
  byName = new Map([...documents].map(([hash, document]) => [/(?:query|mutation) (\w+)/.exec(document)![1]!, hash]));
  gateway = await startTestGateway({ people: 30, frontDoor: { trustedDocuments: documents } });
}, 150_000);
afterAll(async () => {
  await gateway.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function post(body: unknown) {
  const response = await gateway.request(body);
  return (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
}

describe('trusted documents (TRUSTED_DOCUMENTS)', () => {
  it('the script writes Code Generator\'s map: each key is the sha256 of its document', () => {
    const map = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    expect(Object.keys(map).length).toBeGreaterThanOrEqual(10);
    for (const [hash, document] of Object.entries(map)) expect(createHash('sha256').update(document).digest('hex')).toBe(hash);
  });

  it('runs a trusted document by documentId or by persistedQuery hash', async () => {
    const hash = byName.get('CustomerById')!;
    const byId = await post({ documentId: hash, variables: { id: 'stigg:user_000001' } });
    expect(byId.data.customer.id).toBe('stigg:user_000001');
    const apollo = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } }, variables: { id: 'stigg:user_000001' } });
    expect(apollo.data.customer.id).toBe('stigg:user_000001');
  });

  it('refuses any other document, and an unknown hash, with PERSISTED_QUERY_NOT_FOUND, calling nobody', async () => {
    gateway.clearUpstream();
    for (const body of [{ query: '{ customer(id: "stigg:user_000001") { id raw } }' }, { documentId: 'f'.repeat(64) }, { query: '{ __typename }', documentId: 'nope' }]) {
      const result = await post(body);
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(body)).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect(result.data ?? null).toBeNull();
    }
    expect(gateway.upstream()).toEqual([]);
  });
});
