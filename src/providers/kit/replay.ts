/**
 * Which write answers a provider says it replayed from its idempotency store (`Idempotent-Replayed: true`, as
 * Orb and Stripe send): the HTTP layer marks the parsed body, and the writes layer asks about the customer's
 * `raw` payload, which adapters keep untouched. A WeakSet: nothing is held once the answer is gone.
 */
const replayedBodies = new WeakSet<object>();

export function markReplayed(body: unknown): void {
  if (typeof body === 'object' && body !== null) replayedBodies.add(body);
}

/** Whether the provider said this payload was the stored answer of an earlier request with the same key. */
export function saidReplayed(payload: unknown): boolean {
  return typeof payload === 'object' && payload !== null && replayedBodies.has(payload);
}
