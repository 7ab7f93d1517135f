/** Callers waiting for a change to a key: `notify` wakes all of that key's waiters, a timeout wakes each alone. */
export class KeyWaiters {
  private readonly waiters = new Map<string, Set<() => void>>();

  wait(key: string, timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const waiting = this.waiters.get(key) ?? new Set<() => void>();
      this.waiters.set(key, waiting);
      const wake = () => {
        clearTimeout(timer);
        waiting.delete(wake);
        if (waiting.size === 0 && this.waiters.get(key) === waiting) this.waiters.delete(key);
        resolve();
      };
      const timer = setTimeout(wake, timeoutMs);
      waiting.add(wake);
    });
  }

  notify(key: string): void {
    const waiting = this.waiters.get(key);
    this.waiters.delete(key);
    for (const wake of waiting ?? []) wake();
  }
}
