import type { ProviderDirectory } from '../routing/provider-directory';
import type { IdentityIndex } from '../routing/identity-index';
import type { Limiter } from './limiter';

/** What loaders need from the app and the request: adapters, the index, concurrency caps and the signal. */
export interface LoaderEnvironment {
  directory: ProviderDirectory;
  identityIndex: IdentityIndex;
  limiter(provider: string): Limiter;
  signal: AbortSignal | undefined;
}
