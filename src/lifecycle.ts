/** Raised as the abort reason of every request still running when a shutdown's grace period ends. */
export class ShutdownError extends Error {
  constructor() {
    super('the gateway shut down before the call finished');
    this.name = 'ShutdownError';
  }
}

/** The app's side of a graceful shutdown: readiness turns false first, in-flight work is cut off last. */
export interface Lifecycle {
  readonly draining: boolean;
  readonly shutdownSignal: AbortSignal;
  /** Readiness answers 503 from now on; requests still run. */
  startDraining(): void;
  /** Aborts every request's signal (and so its upstream calls) with a ShutdownError. */
  cancelInFlight(): void;
}

export function createLifecycle(): Lifecycle {
  const controller = new AbortController();
  let draining = false;
  return {
    get draining() {
      return draining;
    },
    shutdownSignal: controller.signal,
    startDraining() {
      draining = true;
    },
    cancelInFlight() {
      draining = true;
      controller.abort(new ShutdownError());
    },
  };
}
