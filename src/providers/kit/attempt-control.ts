import type { Abortable } from './linked-abort';

/**
 * How one upstream attempt is told to stop: its own timeout, a hedge that answered first, the call's cancel. It is
 * what an `AbortController` per attempt was, without making one for every attempt: an AbortSignal (and its
 * listeners) cost about 3.5 % of a busy gateway's samples on a fan-out of 20 calls (#11), while most attempts
 * never stop early and never wait on anything that needs a signal. So the HTTP exchange registers its cancel
 * directly (`onAbort`), and a real signal is made only when something asks for one (a wait for rate budget or a
 * concurrency slot).
 */
export class AttemptControl implements Abortable {
  private stopped = false;
  private why: unknown = undefined;
  private controller: AbortController | undefined;
  private cancel: ((reason: unknown) => void) | undefined;

  get aborted(): boolean {
    return this.stopped;
  }

  /** Why the attempt was stopped (an `AttemptTimeout`, a `HedgeLost`, the call's cancel), or undefined. */
  get reason(): unknown {
    return this.why;
  }

  /** An AbortSignal that aborts with this attempt, made on first use. */
  get signal(): AbortSignal {
    if (this.controller === undefined) {
      this.controller = new AbortController();
      if (this.stopped) this.controller.abort(this.why);
    }
    return this.controller.signal;
  }

  /** Stops the attempt (the first reason wins). */
  abort(reason: unknown): void {
    if (this.stopped) return;
    this.stopped = true;
    this.why = reason;
    this.controller?.abort(reason);
    const cancel = this.cancel;
    this.cancel = undefined;
    cancel?.(reason);
  }

  /**
   * The one thing to cancel when the attempt is stopped (its HTTP exchange), called at once when it already is;
   * `undefined` clears it once the exchange has ended.
   */
  onAbort(cancel: ((reason: unknown) => void) | undefined): void {
    if (cancel !== undefined && this.stopped) {
      cancel(this.why);
      return;
    }
    this.cancel = cancel;
  }
}
