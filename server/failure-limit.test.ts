import { describe, expect, it } from 'vitest';
import { createFailureLimit } from './failure-limit.ts';

describe('failure limit', () => {
  it('makes an address wait after N failures in the window, until the oldest leaves it', () => {
    let now = 1_000_000;
    const limit = createFailureLimit({ failures: 3, perSeconds: 60 }, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limit.waitSeconds('203.0.113.7')).toBe(0);
      limit.fail('203.0.113.7');
      now += 10_000;
    }
    expect(limit.waitSeconds('203.0.113.7')).toBe(30); // the first failure leaves the window 30 s from now
    expect(limit.waitSeconds('198.51.100.1')).toBe(0); // another address is not held up
    now += 30_000;
    expect(limit.waitSeconds('203.0.113.7')).toBe(0);
  });

  it('refuses a limit that limits nothing', () => {
    expect(() => createFailureLimit({ failures: 0, perSeconds: 60 })).toThrow(RangeError);
    expect(() => createFailureLimit({ failures: 2, perSeconds: 0 })).toThrow(RangeError);
  });
});
