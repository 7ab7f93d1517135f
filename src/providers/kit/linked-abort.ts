/**
 * Cheaper stand-ins for `AbortSignal.any` and `AbortSignal.timeout` on the per-request and per-attempt paths.
 *
 * Node's `AbortSignal.any` makes a WeakRef per source and per result and registers each result with a
 * FinalizationRegistry, so that a long-lived source never holds its dependants; `AbortSignal.timeout` adds its own.
 * On a path that runs once per request and twice per upstream attempt that was a few per cent of the gateway's CPU
 * (the #11 profile). Here the lifetime is known instead:
 * - `linkedController` forwards short-lived sources (a request's own signal, a hedge's) into one controller and
 *   unlinks them when the caller is done (`unlink`, in a `finally`), so nothing is left on a source that outlives it.
 * - `DependantSet` is for a source that outlives everything linked to it (the app's shutdown signal): one listener
 *   on the source, and a Set the dependants join and leave in O(1).
 */

/**
 * One controller that aborts, with the same reason, when any of `sources` aborts; `unlink` detaches it again.
 * A source given in `shared` (the request's signal, which every attempt of the request links to) is joined
 * through its `DependantSet` instead of a listener of its own: an EventTarget adds and removes a listener by
 * walking all of them, so a fan-out of 20 calls paid for 20 listeners on every link and unlink.
 */
export function linkedController(
  sources: readonly (AbortSignal | undefined)[],
  shared?: AbortSignal | undefined,
): { controller: AbortController; unlink: () => void } {
  const controller = new AbortController();
  const linked: AbortSignal[] = [];
  let leave: (() => void) | null = null;
  const forward = function (this: AbortSignal) {
    unlink();
    controller.abort(this.reason);
  };
  const unlink = () => {
    for (const source of linked) source.removeEventListener('abort', forward);
    linked.length = 0;
    leave?.();
    leave = null;
  };
  if (shared !== undefined) {
    leave = dependantsOf(shared).join(controller);
    if (controller.signal.aborted) return { controller, unlink };
  }
  for (const source of sources) {
    if (source === undefined) continue;
    if (source.aborted) {
      unlink();
      controller.abort(source.reason);
      break;
    }
    source.addEventListener('abort', forward);
    linked.push(source);
  }
  return { controller, unlink };
}

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
