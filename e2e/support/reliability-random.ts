// A seeded random number generator for the reliability specs: each run prints its seed, and
// RELIABILITY_SEED=<seed> makes the same random choices again (the timing of a browser still
// varies, so a replay is close to the failing run, not identical).
import { test } from '@playwright/test';

/** Random numbers from one seed. */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

/**
 * The running test's seed: `RELIABILITY_SEED` when set, else a fresh one. It is printed and kept
 * as the test's `seed` annotation.
 */
export function reliabilitySeed(): number {
  const given = process.env.RELIABILITY_SEED;
  const seed = given !== undefined && /^\d+$/.test(given) ? Number(given) : Math.floor(Math.random() * 2 ** 32);
  test.info().annotations.push({ type: 'seed', description: String(seed) });
  console.log(`${test.info().title}: RELIABILITY_SEED=${seed}`);
  return seed;
}

/** mulberry32: small, fast and good enough to choose faults and timings. */
export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('pick needs at least one item');
      return items[Math.floor(next() * items.length)] as T;
    },
  };
}
