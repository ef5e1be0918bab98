import { describe, expect, it } from 'vitest';
import { MAX_RECHECK_MS, recheckDelay } from './next-day.ts';

describe('recheckDelay', () => {
  it('waits until just after the next local midnight', () => {
    expect(recheckDelay(new Date(2026, 2, 10, 23, 59, 30))).toBe(30_050);
    expect(recheckDelay(new Date(2026, 11, 31, 23, 59, 59, 990))).toBe(60);
  });

  it('never waits longer than an hour, so a missed timer catches up', () => {
    expect(recheckDelay(new Date(2026, 2, 10, 9, 0))).toBe(MAX_RECHECK_MS);
  });
});
