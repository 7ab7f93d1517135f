import { loopLagging } from './hedge';

/**
 * An attempt's own timeout that does not blame the provider for the gateway's slowness. When the gateway's event
 * loop is saturated (more queries than one core can serve), answers wait unread in their sockets while the loop
 * works through other callbacks, and a plain timer would abort calls the provider already answered: the breaker
 * then counts them as the provider's failures and opens on a healthy provider, turning overload into an outage
 * (seen at 20 ms provider latency, 50 connections of 20-customer pages with state: 250 ms attempts timed out by
 * the hundred and every later query failed `UNAVAILABLE`). So, when the timer fires:
 * - if it fired late (`loopLagging`), the loop is the slow part: it is set again once for the same time;
 * - otherwise the expiry waits for the loop's next I/O pass (`setImmediate` runs after it), so an answer that
 *   has already arrived is read first.
 */
export function attemptTimer(ms: number, expire: () => void): { clear(): void } {
  let cleared = false;
  let extended = false;
  let setAt = performance.now();
  const fire = () => {
    if (cleared) return;
    if (!extended && loopLagging(setAt, ms)) {
      extended = true;
      setAt = performance.now();
      timer = setTimeout(fire, ms);
      return;
    }
    setImmediate(() => {
      if (!cleared) expire();
    });
  };
  let timer = setTimeout(fire, ms);
  return {
    clear() {
      cleared = true;
      clearTimeout(timer);
    },
  };
}
