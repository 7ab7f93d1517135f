import type { CallOptions } from '../providers/spec/provider';
import type { ProviderDirectory } from '../routing/provider-directory';
import type { IdentityIndex } from '../routing/identity-index';
import type { CursorSigner } from './cursor-signer';
import type { Listings } from './listings';

/** What loaders need from the app and the request: adapters, the index and what each call carries. */
export interface LoaderEnvironment {
  directory: ProviderDirectory;
  identityIndex: IdentityIndex;
  /** What each provider call carries: the request's signal, read (and so made) only when a provider is called. */
  calls: CallOptions;
  /** Signs and checks list cursors (`CURSOR_SECRET`). */
  cursors: CursorSigner;
  /** This request's list pages, so by-id loads can reuse what a list in the same query returned. */
  listings: Listings;
}
