import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ProviderDirectory } from '../routing/provider-directory';

/** What the plugin touches of a request's context (the GraphQL context is one): named here so `cache/` never imports `context.ts`. */
interface FreshReadContext {
  environment: { directory: ProviderDirectory };
  gateway: { freshDirectory: ProviderDirectory };
}

/** `Cache-Control: no-cache` (or `no-store`, `max-age=0`) on the request: every read asks the provider. */
export function wantsFreshData(headers: Headers | undefined): boolean {
  const value = headers?.get('cache-control')?.toLowerCase() ?? '';
  return /(^|[\s,])(no-cache|no-store|max-age=0)($|[\s,;])/.test(value);
}

/**
 * A mutation reads past the cache: an adapter that merges into the customer it read (metadata) must merge into
 * the provider's copy, never an older cached one.
 */
export function mutationsReadFresh(): Plugin<FreshReadContext> {
  return {
    onExecute({ args }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'mutation') return;
      const context = args.contextValue as FreshReadContext;
      context.environment.directory = context.gateway.freshDirectory;
    },
  };
}
