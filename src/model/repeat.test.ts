import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, compareDays, dayParts, daysBetween, daysInMonth } from './dates.ts';
import { ModelError } from './errors.ts';
import { describeRepeat, isOccurrence, nextOccurrence, occurrence, repeatProblem } from './repeat.ts';
import type { Day, Repeat } from './types.ts';

const monthly = (from: Day, every = 1): Repeat => ({ every, unit: 'month', from });

describe('nextOccurrence', () => {
  it('counts days and weeks from `from`', () => {
    const fortnightly: Repeat = { every: 2, unit: 'week', from: '2026-01-05' };
    expect(nextOccurrence(fortnightly, '2026-01-04')).toBe('2026-01-05');
    expect(nextOccurrence(fortnightly, '2026-01-05')).toBe('2026-01-19');
    expect(nextOccurrence(fortnightly, '2026-01-18')).toBe('2026-01-19');
    expect(nextOccurrence(fortnightly, '2026-02-01')).toBe('2026-02-02');
    expect(nextOccurrence({ every: 3, unit: 'day', from: '2026-01-30' }, '2026-01-31')).toBe('2026-02-02');
  });

  it('returns `from` for any day before it', () => {
    expect(nextOccurrence(monthly('2026-01-31'), '1999-06-01')).toBe('2026-01-31');
  });

  it('clamps a monthly repeat to the end of short months, counting from `from`', () => {
    const endOfMonth = monthly('2026-01-31');
    expect(nextOccurrence(endOfMonth, '2026-01-31')).toBe('2026-02-28');
    expect(nextOccurrence(endOfMonth, '2026-02-28')).toBe('2026-03-31');
    expect(nextOccurrence(endOfMonth, '2026-03-31')).toBe('2026-04-30');
    expect(nextOccurrence(endOfMonth, '2026-04-30')).toBe('2026-05-31');
    expect(nextOccurrence(monthly('2024-01-31'), '2024-01-31')).toBe('2024-02-29');
    expect(nextOccurrence(monthly('2026-01-30'), '2026-02-01')).toBe('2026-02-28');
  });

  it('clamps a yearly repeat from Feb 29 to Feb 28 in common years', () => {
    const leapDay: Repeat = { every: 1, unit: 'year', from: '2024-02-29' };
    expect(nextOccurrence(leapDay, '2024-02-29')).toBe('2025-02-28');
    expect(nextOccurrence(leapDay, '2025-02-28')).toBe('2026-02-28');
    expect(nextOccurrence(leapDay, '2027-03-01')).toBe('2028-02-29');
  });

  it('skips missed occurrences', () => {
    expect(nextOccurrence(monthly('2026-01-15', 2), '2026-08-20')).toBe('2026-09-15');
    expect(nextOccurrence({ every: 1, unit: 'week', from: '2026-01-05' }, '2026-03-10')).toBe('2026-03-16');
  });

  it('refuses a rule it cannot follow', () => {
    for (const bad of [
      { every: 0, unit: 'day', from: '2026-01-01' },
      { every: 1.5, unit: 'day', from: '2026-01-01' },
      { every: 1001, unit: 'day', from: '2026-01-01' },
      { every: 1, unit: 'fortnight', from: '2026-01-01' },
      { every: 1, unit: 'toString', from: '2026-01-01' },
      { every: 1, unit: 'day', from: '2026-02-30' },
    ] as unknown as Repeat[]) {
      expect(repeatProblem(bad)).toBeTypeOf('string');
      expect(() => nextOccurrence(bad, '2026-01-01')).toThrow(expect.objectContaining({ code: 'invalid' }));
    }
    expect(() => occurrence({ every: 0, unit: 'day', from: '2026-01-01' }, 1)).toThrow(ModelError);
  });
});

describe('describeRepeat', () => {
  it('says the rule in words', () => {
    expect(describeRepeat({ every: 2, unit: 'week', from: '2026-01-05' })).toBe('every 2 weeks from 2026-01-05');
    expect(describeRepeat({ every: 1, unit: 'month', from: '2026-01-31' })).toBe('every month from 2026-01-31');
    expect(describeRepeat({ every: 1, unit: 'day', from: '2026-01-01' })).toBe('every day from 2026-01-01');
    expect(describeRepeat({ every: 3, unit: 'year', from: '2024-02-29' })).toBe('every 3 years from 2024-02-29');
  });
});

// ---- properties ----

const dayIn = (minYear: number, maxYear: number): fc.Arbitrary<Day> =>
  fc
    .date({ min: new Date(Date.UTC(minYear, 0, 1)), max: new Date(Date.UTC(maxYear, 11, 31)), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));

/** Ends of months are over-represented: they are where clamping happens. */
const fromArb = fc.oneof(
  dayIn(2000, 2040),
  fc.record({ year: fc.integer({ min: 2000, max: 2040 }), month: fc.integer({ min: 1, max: 12 }), back: fc.integer({ min: 0, max: 3 }) }).map(
    ({ year, month, back }) => `${year}-${String(month).padStart(2, '0')}-${String(Math.max(1, 31 - back)).padStart(2, '0')}`,
  ).filter((day) => dayParts(day).day <= daysInMonth(dayParts(day).year, dayParts(day).month)),
);

const repeatArb: fc.Arbitrary<Repeat> = fc.record({
  every: fc.oneof(fc.integer({ min: 1, max: 13 }), fc.integer({ min: 1, max: 1000 })),
  unit: fc.constantFrom('day', 'week', 'month', 'year'),
  from: fromArb,
});

/** Occurrences one by one from k = 0: the definition, slowly. */
function bruteForceNext(repeat: Repeat, after: Day): Day {
  for (let k = 0; ; k++) {
    const day = occurrence(repeat, k);
    if (compareDays(day, after) > 0) return day;
  }
}

describe('nextOccurrence properties', () => {
  it('is the first occurrence strictly after `after`', () => {
    fc.assert(
      fc.property(repeatArb, dayIn(1995, 2060), (repeat, after) => {
        const next = nextOccurrence(repeat, after);
        expect(compareDays(next, after)).toBeGreaterThan(0);
        expect(next).toBe(bruteForceNext(repeat, after));
      }),
      { numRuns: 300 },
    );
  });

  it('lands on the schedule: `from` plus a whole number of steps, clamped to the month', () => {
    fc.assert(
      fc.property(repeatArb, dayIn(1995, 2060), (repeat, after) => {
        const next = nextOccurrence(repeat, after);
        const start = dayParts(repeat.from);
        const got = dayParts(next);
        if (repeat.unit === 'day' || repeat.unit === 'week') {
          expect(daysBetween(repeat.from, next) % (repeat.every * (repeat.unit === 'week' ? 7 : 1))).toBe(0);
        } else {
          const months = (got.year - start.year) * 12 + (got.month - start.month);
          expect(months % (repeat.every * (repeat.unit === 'year' ? 12 : 1))).toBe(0);
          expect(got.day).toBe(Math.min(start.day, daysInMonth(got.year, got.month)));
        }
        expect(compareDays(next, repeat.from)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('is monotonic in `after`, and stepping from one occurrence reaches the next', () => {
    fc.assert(
      fc.property(repeatArb, dayIn(1995, 2060), fc.integer({ min: 0, max: 4000 }), (repeat, a, gap) => {
        const b = addDays(a, gap);
        expect(compareDays(nextOccurrence(repeat, a), nextOccurrence(repeat, b))).toBeLessThanOrEqual(0);
        const first = nextOccurrence(repeat, a);
        const second = nextOccurrence(repeat, first);
        expect(compareDays(second, first)).toBeGreaterThan(0);
        // nothing on the schedule lies between two consecutive results
        expect(nextOccurrence(repeat, addDays(second, -1))).toBe(second);
      }),
      { numRuns: 300 },
    );
  });
});

describe('isOccurrence and repeats after done', () => {
  it('knows the days a repeat falls on', () => {
    const endOfMonth = monthly('2026-01-31');
    expect(['2026-01-31', '2026-02-28', '2026-03-31'].map((day) => isOccurrence(endOfMonth, day))).toEqual([true, true, true]);
    expect(['2026-01-30', '2026-03-28', '2025-12-31'].map((day) => isOccurrence(endOfMonth, day))).toEqual([false, false, false]);
  });

  it('says a repeat after done in words', () => {
    expect(describeRepeat({ every: 2, unit: 'week', from: '2026-01-05', afterDone: true })).toBe('2 weeks after done');
    expect(describeRepeat({ every: 1, unit: 'month', from: '2026-01-05', afterDone: true })).toBe('a month after done');
  });
});
