import type { ChangeFeed } from './changes/change-feed';
import type { ResilienceRegistry } from './providers/kit/resilience';
import type { CursorSigner } from './loaders/cursor-signer';
import type { IdentityIndex } from './routing/identity-index';
import type { ProviderDirectory } from './routing/provider-directory';
import type { StateStore } from './state/state-port';
import type { WriteLedger } from './writes/write-ledger';

/** What lives as long as the app: adapters, the identity index, the idempotency ledger, the state store. */
export interface Gateway {
  directory: ProviderDirectory;
  identityIndex: IdentityIndex;
  writeLedger: WriteLedger;
  /** Aborted when a shutdown's grace period ends; part of every request's signal. */
  shutdownSignal: AbortSignal;
  /** What instances share: memory for one, Redis for several. */
  state: StateStore;
  /** The same adapters, reading past the read cache (its answers still refresh it). */
  freshDirectory: ProviderDirectory;
  /** Customer changes for `customerChanged` subscribers. */
  changes: ChangeFeed;
  /** Each provider's breaker and recent latency. */
  resilience: ResilienceRegistry;
  /** Every request's deadline. */
  deadlineMs: number;
  /** Signs list cursors with `CURSOR_SECRET`, so a cursor cannot be forged or altered. */
  cursors: CursorSigner;
}
