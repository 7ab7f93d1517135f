import { describe, expect, it } from 'vitest';
import { LatencyWindow } from '../../src/providers/kit/latency-window';

describe('latency window', () => {
  it('gives exact percentiles while it fills, then re-sorts every 16 samples at the latest', () => {
    const window = new LatencyWindow(256);
    expect(window.percentile(0.5)).toBeNull();
    for (let sample = 1; sample <= 20; sample++) window.record(sample);
    expect(window.percentile(0.5)).toBe(10);
    expect(window.percentile(0.95, 20)).toBe(19);
    for (let sample = 0; sample < 100; sample++) window.record(10);
    expect(window.percentile(0.99)).toBe(19);
    // A provider turning slow shows within 16 samples.
    for (let sample = 0; sample < 16; sample++) window.record(500);
    expect(window.percentile(0.9)).toBe(500);
    // Between sorts every percentile still has an answer (read from the last sorted copy).
    window.record(10);
    expect(window.percentile(0.99)).toBe(500);
  });
});
