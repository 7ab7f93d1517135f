import { CircuitState, ConsecutiveBreaker, SamplingBreaker, circuitBreaker, handleWhen, type CircuitBreakerPolicy, type IBreaker } from 'cockatiel';
import { ProviderError } from '../spec/errors';

export interface BreakerOptions {
  /** Consecutive failed calls that open the breaker. @default 10 (env `BREAKER_CONSECUTIVE_FAILURES`) */
  consecutiveFailures: number;
  /** Share of failed calls over the last 5 s that opens it (with at least 2 calls a second). @default 0.7 (env `BREAKER_FAILURE_RATIO`) */
  failureRatio: number;
  /** Time open before one probe call may go through. @default 5000 (env `BREAKER_HALF_OPEN_AFTER_MS`) */
  halfOpenAfterMs: number;
}

export const defaultBreakerOptions: BreakerOptions = { consecutiveFailures: 10, failureRatio: 0.7, halfOpenAfterMs: 5000 };

/**
 * What says a provider is unwell: 5xx, timeouts, broken connections and broken bodies. A 4xx (the request was
 * wrong), a 429 (the rate budget's business) and a cancelled call say nothing about its health.
 */
export function isProviderFault(error: unknown): boolean {
  if (!(error instanceof ProviderError)) return false;
  // Timeouts that say the provider is slow or we are, not that it is down, are not counted: counting them turned
  // overload into an outage (at 20 ms, 400 connections of pages with state, or 50 on a starved machine, opened a
  // healthy provider's breaker and every later query failed). Those are calls the request's deadline ended (they
  // mostly waited on the gateway), and attempts that timed out while the provider went on answering other calls.
  // A hung provider still opens it: it answers nothing, and its attempts end by their own, shorter timeout.
  if (error.code === 'TIMEOUT' && (error.byDeadline || error.providerAnswering)) return false;
  return error.code === 'UPSTREAM_ERROR' || error.code === 'TIMEOUT' || error.code === 'NETWORK_ERROR' || error.code === 'MALFORMED_RESPONSE';
}

/**
 * Opens on whichever comes first: a run of consecutive failures (a dead provider) or a high failure ratio (a sick one).
 *
 * One breaker per provider, not per operation class (reads / writes): the failures it acts on (a host that hangs,
 * refuses connections or answers 5xx) take every endpoint of a provider down together, and a read breaker and a
 * write breaker would each need their own run of failures to learn the same thing, so writes would keep reaching
 * a dead provider after its reads stopped. The case a split would help, one endpoint failing alone, does not need
 * it: writes are a small share of the calls, so a failing write endpoint makes no run of consecutive failures
 * (the reads between succeed) and does not reach the failure ratio; the reads go on, and the writes fail on
 * their own with a typed error (a write is not retried unless the provider honours its key); a
 * 429 on one class (Orb limits writes at half the rate of reads) is the rate budget's business, never the breaker's.
 */
class EitherBreaker implements IBreaker {
  constructor(private readonly breakers: readonly IBreaker[]) {}

  get state(): unknown {
    return this.breakers.map((breaker) => breaker.state);
  }

  set state(value: unknown) {
    const states = value as unknown[];
    this.breakers.forEach((breaker, index) => (breaker.state = states[index]));
  }

  success(state: CircuitState): void {
    for (const breaker of this.breakers) breaker.success(state);
  }

  failure(state: CircuitState): boolean {
    let open = false;
    for (const breaker of this.breakers) open = breaker.failure(state) || open;
    return open;
  }
}

export function createBreaker(options: BreakerOptions): CircuitBreakerPolicy {
  return circuitBreaker(handleWhen(isProviderFault), {
    halfOpenAfter: options.halfOpenAfterMs,
    breaker: new EitherBreaker([
      new ConsecutiveBreaker(options.consecutiveFailures),
      new SamplingBreaker({ threshold: options.failureRatio, duration: 5000, minimumRps: 2 }),
    ]),
  });
}

export type BreakerStateName = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

export function breakerStateName(state: CircuitState): BreakerStateName {
  if (state === CircuitState.Closed) return 'CLOSED';
  if (state === CircuitState.HalfOpen) return 'HALF_OPEN';
  return 'OPEN';
}
