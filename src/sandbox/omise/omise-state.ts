import type { Random } from '../shared/random';
import type { OmiseCustomerStore } from './omise-store';

/** What the route handlers share: the customers, the tokens already spent, and the clocks. */
export interface OmiseState {
  store: OmiseCustomerStore;
  /** Tokens are single use: a second customer or card from the same token is `used_token`. */
  usedTokens: Set<string>;
  /** Draws the ids of customers and cards created at run time (deterministic per sandbox start). */
  ids: Random;
  seed: number;
  /**
   * The sandbox's "now" in milliseconds: the wall clock, but never before the seed instant, so seed data (made
   * relative to `seedNow`) is never in the future of a default `to`.
   */
  now(): number;
}

export function wholeSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}
