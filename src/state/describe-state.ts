import type { StateStore } from './state-port';

/** The start-up line that says whether this instance can run beside others. */
export function describeState(state: StateStore): string {
  if (!state.shared) {
    return 'state: in-process memory, single instance (idempotency keys and the identity index live in this process and a restart forgets them; set REDIS_URL to run several instances)';
  }
  return `state: ${state.backend}, shared by every instance pointed at it`;
}
