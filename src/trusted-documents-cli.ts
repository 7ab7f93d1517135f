import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { printPublicSdl } from './graphql/schema';

/**
 * `npm run trusted-documents -- <folder of .graphql documents> [output file]`: checks every document against the
 * schema and writes the hash → document map that `TRUSTED_DOCUMENTS` reads, with GraphQL Code Generator's client
 * preset (sha256, the same hashes its generated clients send as `documentId`).
 */
async function main(): Promise<void> {
  const [folder, output = 'trusted-documents.json'] = process.argv.slice(2);
  if (folder === undefined || !statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    console.error('usage: npm run trusted-documents -- <folder of .graphql documents> [output file, default trusted-documents.json]');
    process.exit(2);
  }
  const documents = readdirSync(folder, { recursive: true }).map(String).filter((file) => file.endsWith('.graphql'));
  if (documents.length === 0) {
    console.error(`no .graphql documents in ${folder}`);
    process.exit(2);
  }
  const scratch = mkdtempSync(join(tmpdir(), 'trusted-documents-'));
  try {
    await generate(
      {
        schema: printPublicSdl(),
        documents: documents.map((file) => join(folder, file)),
        generates: { [`${scratch}/`]: { preset: 'client', presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } } } },
        silent: true,
      },
      true,
    );
    copyFileSync(join(scratch, 'persisted-documents.json'), output);
    console.log(`trusted documents: ${documents.length} file(s) from ${resolve(folder)} written to ${resolve(output)}; start with TRUSTED_DOCUMENTS=${output}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`trusted documents: ${(error as Error).message}`);
  process.exit(1);
});
