import type { AttemptControl } from './attempt-control';

interface Waiter {
  grant: () => void;
  /** Stops hearing the wait's cancel (the slot was granted). */
  unlisten: (() => void) | undefined;
}

/**
 * A safety net, not the throttle: at most `limit` calls in flight per provider (rate budgets do the pacing).
 * Taken per attempt around the HTTP exchange only, so a retry sleeping in its backoff holds no slot, and a
 * cancelled request leaves the queue at once.
 */
export class ConcurrencyCeiling {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, Waiter[]>();

  /** @param limit most calls in flight to one provider. @default 128, the HTTP pool's sockets per origin (env `PROVIDER_CONCURRENCY`) */
  constructor(readonly limit: number) {}

  /**
   * Resolves with a release function once a slot is free; rejects with the reason of the attempt's control when it
   * is stopped first (no AbortSignal is made for the wait).
   */
  acquire(provider: string, stop: AttemptControl | undefined): Promise<() => void> {
    if (stop?.aborted) return Promise.reject(stop.reason);
    const slot = this.tryAcquire(provider);
    if (slot !== null) return Promise.resolve(slot);
    return new Promise((resolve, reject) => {
      const queue = this.waiting.get(provider) ?? [];
      this.waiting.set(provider, queue);
      const entry: Waiter = { grant: () => resolve(this.releaser(provider)), unlisten: undefined };
      const cancelled = () => {
        const index = queue.indexOf(entry);
        if (index >= 0) queue.splice(index, 1);
        reject(stop?.reason);
      };
      if (stop !== undefined) {
        // The control's one cancel slot: the attempt's HTTP exchange takes it only after the slot is granted.
        stop.onAbort(cancelled);
        entry.unlisten = () => stop.onAbort(undefined);
      }
      queue.push(entry);
    });
  }

  /**
   * A slot at once, when one is free (its release), or null: then `acquire` waits in line. (A slot is free only
   * while nobody waits: a release hands its slot straight to the first caller waiting.)
   */
  tryAcquire(provider: string): (() => void) | null {
    const active = this.active.get(provider) ?? 0;
    if (active >= this.limit) return null;
    this.active.set(provider, active + 1);
    return this.releaser(provider);
  }

  /** Every slot taken, or calls already waiting for one. */
  saturated(provider: string): boolean {
    return (this.active.get(provider) ?? 0) >= this.limit || this.queued(provider) > 0;
  }

  /** Calls waiting for a slot. */
  queued(provider: string): number {
    return this.waiting.get(provider)?.length ?? 0;
  }

  inFlight(provider: string): number {
    return this.active.get(provider) ?? 0;
  }

  private releaser(provider: string): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.get(provider)?.shift();
      if (next === undefined) {
        this.active.set(provider, (this.active.get(provider) ?? 1) - 1);
        return;
      }
      // The slot passes straight to the next caller: the count stays the same.
      next.unlisten?.();
      next.grant();
    };
  }
}
