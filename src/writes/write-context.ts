import type { Loaders } from '../loaders/loaders';
import type { CallOptions } from '../providers/spec/provider';
import type { IdentityIndex } from '../routing/identity-index';
import type { ProviderDirectory } from '../routing/provider-directory';
import type { WriteLedger } from './write-ledger';

/**
 * What a write needs of the app and of its request. The GraphQL context is one of these; writes name only
 * this, so they never import `context.ts` (which imports the ledger from here) and imports stay one-way.
 */
export interface WriteContext {
  gateway: {
    directory: ProviderDirectory;
    identityIndex: IdentityIndex;
    writeLedger: WriteLedger;
  };
  loaders: Loaders;
  /** What each provider call of the write carries: the request's signal. */
  calls: CallOptions;
}
