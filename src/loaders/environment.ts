import type { ProviderDirectory } from '../routing/provider-directory';
import type { IdentityIndex } from '../routing/identity-index';
import type { Limiter } from './limiter';
import type { Listings } from './listings';

/** What loaders need from the app and the request: adapters, the index, concurrency caps and the signal. */
export interface LoaderEnvironment {
  directory: ProviderDirectory;
  identityIndex: IdentityIndex;
  limiter(provider: string): Limiter;
  signal: AbortSignal | undefined;
  /** This request's list pages, so by-id loads can reuse what a list in the same query returned. */
  listings: Listings;
}
