/** Aborts the slower of two hedged attempts once the other has answered. */
export class HedgeLost extends Error {
  constructor() {
    super('the other hedged attempt answered first');
    this.name = 'HedgeLost';
  }
}

/**
 * Runs `attempt`; if it has not answered after `hedgeAfterMs`, runs a second one and takes whichever answers
 * first, cancelling the other. A first attempt that fails before the hedge is due fails the whole (the retry
 * policy decides what follows); once both run, the call fails only when both have failed, with the first error.
 */
export function hedged<T>(attempt: (signal: AbortSignal) => Promise<T>, hedgeAfterMs: number, worthHedging: () => boolean): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const running = new Set<AbortController>();
    let done = false;
    let firstError: unknown;
    let timer: ReturnType<typeof setTimeout> | null = null;

    const launch = () => {
      const controller = new AbortController();
      running.add(controller);
      attempt(controller.signal).then(
        (value) => {
          if (done) return;
          done = true;
          if (timer !== null) clearTimeout(timer);
          for (const other of running) if (other !== controller) other.abort(new HedgeLost());
          resolve(value);
        },
        (error: unknown) => {
          running.delete(controller);
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
    timer = setTimeout(() => {
      timer = null;
      if (!done && worthHedging()) launch();
    }, hedgeAfterMs);
  });
}
