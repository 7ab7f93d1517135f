import { dependantsOf } from './linked-abort';

/**
 * A request has one deadline, carried by its AbortSignal: the signal aborts when time is up, and the HTTP layer
 * reads the instant from the signal to fit retries and waits into what is left. Keeping the instant beside the
 * signal (not in every adapter's options) means each upstream call inherits it without the adapters knowing.
 */
const deadlines = new WeakMap<AbortSignal, number>();

export interface RequestDeadline {
  /** Aborts when the deadline passes or when any of the given signals aborts (client gone, shutdown). */
  signal: AbortSignal;
  /** Epoch milliseconds. */
  deadline: number;
  /**
   * The request has been answered: its timer ends and it leaves the source signals, so nothing keeps the request's
   * objects alive until the deadline (a timer per request, pending for seconds after its answer, held thousands of
   * answered requests at a time under load). The signal stays as it is, not aborted.
   */
  release(): void;
}

/**
 * Composes the request's own signals with a timer of `ms`; a deadline abort has a reason named `TimeoutError`.
 * One controller and one timer per request, joined to each source's `DependantSet` (see `linked-abort.ts`) and
 * leaving them when the timer fires: cheaper than `AbortSignal.any` over `AbortSignal.timeout`, same behaviour.
 */
export function requestDeadline(ms: number, signals: readonly (AbortSignal | undefined)[], now = Date.now()): RequestDeadline {
  const controller = new AbortController();
  const leaves: (() => void)[] = [];
  for (const source of signals) if (source !== undefined && !controller.signal.aborted) leaves.push(dependantsOf(source).join(controller));
  const timer = setTimeout(() => {
    for (const leave of leaves.splice(0)) leave();
    controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
  }, ms);
  timer.unref();
  const signal = controller.signal;
  const deadline = now + ms;
  deadlines.set(signal, deadline);
  const release = () => {
    clearTimeout(timer);
    for (const leave of leaves.splice(0)) leave();
  };
  return { signal, deadline, release };
}

/** The deadline a signal carries, if it came from `requestDeadline`. */
export function deadlineOf(signal: AbortSignal | undefined): number | undefined {
  return signal === undefined ? undefined : deadlines.get(signal);
}

/** Whether a signal was aborted by its deadline rather than by a caller. */
export function isDeadlineAbort(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true && (signal.reason as { name?: unknown } | undefined)?.name === 'TimeoutError';
}
