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
  return error.code === 'UPSTREAM_ERROR' || error.code === 'TIMEOUT' || error.code === 'NETWORK_ERROR' || error.code === 'MALFORMED_RESPONSE';
}

/** Opens on whichever comes first: a run of consecutive failures (a dead provider) or a high failure ratio (a sick one). */
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
