import { readFileSync } from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { GraphQLParams, Plugin } from 'graphql-yoga';

const notFound = { message: 'PersistedQueryNotFound: only the trusted documents of this server run here.', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } };

/**
 * Reads `TRUSTED_DOCUMENTS`: a JSON object of hash → document, as GraphQL Code Generator's client preset writes
 * it (`persisted-documents.json`; `npm run trusted-documents` makes one). Problems are thrown at start-up.
 */
export function readTrustedDocuments(file: string): Map<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`TRUSTED_DOCUMENTS: cannot read ${file} as JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`TRUSTED_DOCUMENTS: ${file} must hold a JSON object of hash → document`);
  const documents = new Map<string, string>();
  for (const [hash, document] of Object.entries(parsed)) {
    if (typeof document !== 'string') throw new Error(`TRUSTED_DOCUMENTS: the entry "${hash}" in ${file} is not a document string`);
    documents.set(hash, document);
  }
  return documents;
}

/**
 * Only trusted documents run: a request names one by `documentId` (Code Generator's clients) or by
 * `extensions.persistedQuery.sha256Hash` (Apollo's); any other request gets `PERSISTED_QUERY_NOT_FOUND`.
 */
export function trustedDocumentsPlugin(documents: ReadonlyMap<string, string>): Plugin {
  return usePersistedOperations({
    getPersistedOperation: (hash) => documents.get(hash) ?? null,
    allowArbitraryOperations: false,
    extractPersistedOperationId: (params: GraphQLParams & { documentId?: unknown }) => {
      if (typeof params.documentId === 'string') return params.documentId;
      const persisted = (params.extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } | undefined)?.persistedQuery;
      return persisted?.version === 1 && typeof persisted.sha256Hash === 'string' ? persisted.sha256Hash : null;
    },
    customErrors: { notFound, persistedQueryOnly: notFound, keyNotFound: notFound },
  }) as Plugin;
}
