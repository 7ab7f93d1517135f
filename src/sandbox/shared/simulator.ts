import type { Person } from './people';
import type { Random } from './random';
import type { SandboxRequest, SandboxResponse } from './sandbox-http';
import type { SimulatorWebhooks } from './webhook-types';

/** What a simulator is built from: the shared people, a named random stream and the clocks. */
export interface SeedContext {
  seed: number;
  people: readonly Person[];
  /** A deterministic random stream; use one name per purpose so streams do not shift each other. */
  random(stream: string): Random;
  /** The instant the seed data is generated relative to: fixed, so data repeats across runs. */
  seedNow: Date;
  /** The clock for writes at run time. */
  now(): Date;
}

/**
 * `enforced` marks a 429 from the sandbox's own rate limit (`rateLimitPerSecond`): answered exactly as the provider
 * answers one, Retry-After only where the provider sends it. An injected 429 (`rateLimitRate`) always carries it.
 */
export type FaultResponseKind = { kind: 'error'; status: number } | { kind: 'rate-limit'; retryAfterSeconds: number; enforced?: boolean };

/** One provider's REST API, in memory. */
export interface ProviderSimulator {
  /** The provider name; its routes are served below `/<name>`. */
  readonly name: string;
  /** The path an adapter appends to the sandbox URL for its base URL, e.g. `/orb/v1` or `/stigg`. */
  readonly basePath: string;
  /**
   * First path segments also served at the sandbox root, for an official client that takes a host but no path
   * prefix. Only segments no other provider uses at the root.
   */
  readonly rootSegments?: readonly string[];
  /** Handles a request whose path is relative to `/<name>` (so `/v1/customers` for `/orb/v1/customers`). */
  handle(request: SandboxRequest): SandboxResponse | Promise<SandboxResponse>;
  /** An injected fault, rendered in this provider's own error shape. */
  faultResponse(fault: FaultResponseKind): SandboxResponse;
  /** How many customers the simulator holds (for start-up output). */
  customerCount(): number;
  /** The provider's webhooks: which writes raise which events, their bodies and signatures. */
  readonly webhooks?: SimulatorWebhooks;
}

export type SimulatorFactory = (context: SeedContext) => ProviderSimulator;
