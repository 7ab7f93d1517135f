import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { attemptTimer } from '../../src/providers/kit/attempt-timer';
import { answeringPeer, holdEventLoop } from '../support/loopback';

describe('attempt timer', () => {
  it('expires after its time on an idle loop, and never once cleared', async () => {
    const started = performance.now();
    let expiredAfter: number | null = null;
    attemptTimer(30, () => (expiredAfter = performance.now() - started));
    let cleared = false;
    attemptTimer(30, () => (cleared = true)).clear();
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(expiredAfter).not.toBeNull();
    expect(expiredAfter as unknown as number).toBeGreaterThanOrEqual(29);
    expect(expiredAfter as unknown as number).toBeLessThan(100);
    expect(cleared).toBe(false);
  });

  it('gives the attempt its time again once when the loop itself was late', async () => {
    const started = performance.now();
    let expiredAfter: number | null = null;
    attemptTimer(40, () => (expiredAfter = performance.now() - started));
    holdEventLoop(120); // the timer is due at 40 ms and can only fire at ~120 ms: late by far more than half its time
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(expiredAfter).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 150));
    // Set again when it fired (~120 ms) for another 40 ms.
    expect(expiredAfter as unknown as number).toBeGreaterThanOrEqual(158);
  });

  it('reads an answer that arrived before the timer fired, instead of abandoning it', async () => {
    const peer = await answeringPeer('answer');
    try {
      let expired = false;
      const timer = attemptTimer(20, () => (expired = true));
      const answered = once(peer.socket, 'data').then(() => timer.clear());
      // The answer arrives while the loop is busy; the timer is due meanwhile, late by less than its lag threshold.
      holdEventLoop(26);
      await answered;
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(expired).toBe(false);
    } finally {
      peer.close();
    }
  });
});
