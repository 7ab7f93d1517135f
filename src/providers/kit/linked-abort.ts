/**
 * A cheaper stand-in for `AbortSignal.any` on the per-request and per-attempt paths. Node's `AbortSignal.any` makes a
 * WeakRef per source and per result and registers each result with a FinalizationRegistry, so that a long-lived
 * source never holds its dependants; on a path that runs once per request and once per upstream attempt that was a
 * few per cent of the gateway's CPU (the #11 profile). Here the lifetime is known instead: a `DependantSet` is for a
 * source that outlives what joins it (the app's shutdown signal, a request's signal that its attempts join): one
 * listener on the source, and a Set the dependants join and leave in O(1) (an EventTarget adds and removes a
 * listener by walking all of them, so a fan-out of 20 calls paid for 20 listeners on every join and leave).
 */

/** What a `DependantSet` aborts: a controller, or anything else that stops on a reason. */
export interface Abortable {
  abort(reason: unknown): void;
}

/** Controllers aborted together when a long-lived signal aborts; each leaves the set when it no longer needs to hear. */
export class DependantSet {
  private readonly members = new Set<Abortable>();

  constructor(private readonly source: AbortSignal) {
    source.addEventListener('abort', () => {
      for (const member of this.members) member.abort(source.reason);
      this.members.clear();
    });
  }

  /** Joins `controller` (aborting it at once when the source already has); returns how to leave. */
  join(controller: Abortable): () => void {
    if (this.source.aborted) {
      controller.abort(this.source.reason);
      return () => undefined;
    }
    this.members.add(controller);
    return () => this.members.delete(controller);
  }
}

const dependants = new WeakMap<AbortSignal, DependantSet>();

/** The one `DependantSet` of a long-lived signal. */
export function dependantsOf(source: AbortSignal): DependantSet {
  let set = dependants.get(source);
  if (set === undefined) {
    set = new DependantSet(source);
    dependants.set(source, set);
  }
  return set;
}

/**
 * `work`, or a rejection with `reason()` as soon as `signal` aborts, whichever comes first: a request never waits
 * past its own end on work it shares or cannot cut (a backoff sleep, an index being built). Through the signal's
 * `DependantSet`: every call of a request may wait on the same signal at once, and an EventTarget walks all its
 * listeners on each add and remove.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal, reason: () => Error): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(reason());
  }
  return new Promise<T>((resolve, reject) => {
    const leave = dependantsOf(signal).join({ abort: () => reject(reason()) });
    work.then(
      (value) => {
        leave();
        resolve(value);
      },
      (error: unknown) => {
        leave();
        reject(error);
      },
    );
  });
}
