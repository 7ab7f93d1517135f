import type { CustomerProvider, ProviderSettings } from '../spec/provider';
import type { HttpTransport } from './http-client';
import type { PublishedRateLimit } from './rate-budget';

/** How the app finds an adapter: each provider folder exports one of these. */
export interface ProviderDefinition {
  name: string;
  displayName: string;
  /** The real API's base URL, used when the provider is configured live without its own base URL. */
  liveBaseUrl: string;
  /** The provider's published rate limit, the default budget when it runs live. */
  rateLimit: PublishedRateLimit;
  create(settings: ProviderSettings, transport: HttpTransport): CustomerProvider;
}
