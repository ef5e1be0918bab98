import { describe, expect, it } from 'vitest';
import { retryDelay } from './retry-delay.ts';

const POLICY = { baseMs: 1000, maxMs: 16_000 };

describe('retryDelay', () => {
  it('doubles from the base up to the cap', () => {
    const top = () => 0.999999;
    expect([1, 2, 3, 4, 5, 6, 50].map((attempt) => retryDelay(attempt, POLICY, top))).toEqual([1000, 2000, 4000, 8000, 16000, 16000, 16000]);
  });

  it('spreads retries over the last fifth of the wait', () => {
    expect(retryDelay(3, POLICY, () => 0)).toBe(3200);
    expect(retryDelay(3, POLICY, () => 0.5)).toBe(3600);
  });
});
