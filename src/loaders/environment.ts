import type { ProviderDirectory } from '../routing/provider-directory';
import type { IdentityIndex } from '../routing/identity-index';
import type { CursorSigner } from './cursor-signer';
import type { Listings } from './listings';

/** What loaders need from the app and the request: adapters, the index and the signal. */
export interface LoaderEnvironment {
  directory: ProviderDirectory;
  identityIndex: IdentityIndex;
  signal: AbortSignal | undefined;
  /** Signs and checks list cursors (`CURSOR_SECRET`). */
  cursors: CursorSigner;
  /** This request's list pages, so by-id loads can reuse what a list in the same query returned. */
  listings: Listings;
}
