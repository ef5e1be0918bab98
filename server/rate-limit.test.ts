import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit.ts';

describe('createRateLimiter', () => {
  it('allows `pushes` per window per address, then says how long to wait', () => {
    let now = 1_000_000;
    const limiter = createRateLimiter({ pushes: 2, perSeconds: 60 }, () => now);
    expect(limiter.take('a')).toEqual({ ok: true });
    now += 10_000;
    expect(limiter.take('a')).toEqual({ ok: true });
    expect(limiter.take('b')).toEqual({ ok: true });
    now += 5_000;
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 45 });
    // A refused push does not count; once the first push leaves the window, one more is allowed.
    now += 45_000;
    expect(limiter.take('a')).toEqual({ ok: true });
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 10 });
  });

  it('never asks for less than a second', () => {
    let now = 0;
    const limiter = createRateLimiter({ pushes: 1, perSeconds: 1 }, () => now);
    limiter.take('a');
    now = 999;
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 });
  });

  it('refuses a limit that cannot work', () => {
    expect(() => createRateLimiter({ pushes: 0, perSeconds: 60 })).toThrow(RangeError);
    expect(() => createRateLimiter({ pushes: 1.5, perSeconds: 60 })).toThrow(/positive whole number/);
    expect(() => createRateLimiter({ pushes: 1, perSeconds: 0 })).toThrow(RangeError);
  });

  it('counts failures only when told, and makes the address wait once they fill the window', () => {
    let now = 1_000_000;
    const limiter = createRateLimiter({ pushes: 3, perSeconds: 60 }, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.check('203.0.113.7')).toEqual({ ok: true });
      limiter.take('203.0.113.7'); // a wrong token
      now += 10_000;
    }
    expect(limiter.check('203.0.113.7')).toEqual({ ok: false, retryAfterSeconds: 30 });
    expect(limiter.check('198.51.100.1')).toEqual({ ok: true });
    now += 30_000;
    expect(limiter.check('203.0.113.7')).toEqual({ ok: true });
  });
});
