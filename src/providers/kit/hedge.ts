import { AttemptControl } from './attempt-control';

/** Aborts the slower of two hedged attempts once the other has answered. */
export class HedgeLost extends Error {
  constructor() {
    super('the other hedged attempt answered first');
    this.name = 'HedgeLost';
  }
}

/**
 * A hedge timer that fires this much later than asked (and at least LATE_FLOOR_MS) says the gateway's own event
 * loop is the slow part: the first attempt's answer is likely sitting unread in its socket, a second attempt
 * cannot beat it, and under overload every hedge would add load (a call, and a socket torn down when it loses).
 */
const LATE_SHARE = 0.5;
const LATE_FLOOR_MS = 10;

/** Whether a timer due after `delayMs`, set at `setAt`, fired so late that the event loop itself is lagging. */
export function loopLagging(setAt: number, delayMs: number, now = performance.now()): boolean {
  return now - setAt - delayMs > Math.max(LATE_FLOOR_MS, delayMs * LATE_SHARE);
}

/**
 * Runs `attempt`; if it has not answered after `hedgeAfterMs`, runs a second one and takes whichever answers
 * first, cancelling the other. A first attempt that fails before the hedge is due fails the whole (the retry
 * policy decides what follows); once both run, the call fails only when both have failed, with the first error.
 * No hedge when the timer fires late (`loopLagging`): then the slowness is ours, not the provider's; and none for an
 * answer that has arrived but not yet been read when the timer fires (the hedge waits for the loop's next I/O pass).
 * Each attempt gets its own control: the loser's is aborted with `HedgeLost`, and the attempt may abort it for its
 * own reasons (its timeout) without touching the other.
 */
export function hedged<T>(attempt: (control: AttemptControl) => Promise<T>, hedgeAfterMs: number, worthHedging: () => boolean): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const running = new Set<AttemptControl>();
    let done = false;
    let firstError: unknown;
    let timer: ReturnType<typeof setTimeout> | null = null;

    const launch = () => {
      const control = new AttemptControl();
      running.add(control);
      attempt(control).then(
        (value) => {
          if (done) return;
          done = true;
          if (timer !== null) clearTimeout(timer);
          for (const other of running) if (other !== control) other.abort(new HedgeLost());
          resolve(value);
        },
        (error: unknown) => {
          running.delete(control);
          if (done) return;
          firstError ??= error;
          if (running.size > 0) return;
          done = true;
          if (timer !== null) clearTimeout(timer);
          reject(firstError);
        },
      );
    };

    launch();
    const setAt = performance.now();
    timer = setTimeout(() => {
      timer = null;
      if (done || loopLagging(setAt, hedgeAfterMs)) return;
      // After the loop's next I/O pass: an answer already waiting in the socket is read first, and wins.
      setImmediate(() => {
        if (!done && worthHedging()) launch();
      });
    }, hedgeAfterMs);
  });
}
