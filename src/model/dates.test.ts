import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, compareDays, daysBetween, daysInMonth, parseDay, todayOf } from './dates.ts';

const dayArb = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));

describe('todayOf', () => {
  it('reads the day in local time, whatever the hour', () => {
    expect(todayOf(new Date(2026, 0, 5, 0, 0, 0))).toBe('2026-01-05');
    expect(todayOf(new Date(2026, 0, 5, 23, 59, 59))).toBe('2026-01-05');
    expect(todayOf(new Date(2026, 11, 31, 12))).toBe('2026-12-31');
  });
});

describe('parseDay', () => {
  it('accepts real calendar days only', () => {
    expect(parseDay('2026-01-05')).toBe('2026-01-05');
    expect(parseDay('2024-02-29')).toBe('2024-02-29');
    expect(parseDay('2026-02-29')).toBeUndefined();
    expect(parseDay('2026-02-30')).toBeUndefined();
    expect(parseDay('2026-13-01')).toBeUndefined();
    expect(parseDay('2026-00-10')).toBeUndefined();
    expect(parseDay('2026-04-00')).toBeUndefined();
    expect(parseDay('2026-1-5')).toBeUndefined();
    expect(parseDay('2026-01-05T00:00')).toBeUndefined();
    expect(parseDay('')).toBeUndefined();
  });
});

describe('addDays', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-01-05', 0)).toBe('2026-01-05');
    expect(addDays('2026-01-05', 365)).toBe('2027-01-05');
  });

  it('keeps years below 100 as they are', () => {
    expect(addDays('0050-12-31', 1)).toBe('0051-01-01');
  });

  it('is undone by subtracting, and daysBetween measures it', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -20_000, max: 20_000 }), (day, n) => {
        const later = addDays(day, n);
        expect(parseDay(later)).toBe(later);
        expect(addDays(later, -n)).toBe(day);
        expect(daysBetween(day, later)).toBe(n);
        expect(Math.sign(compareDays(later, day))).toBe(Math.sign(n));
      }),
    );
  });
});

describe('compareDays and daysInMonth', () => {
  it('orders days', () => {
    expect(compareDays('2026-01-05', '2026-01-06')).toBeLessThan(0);
    expect(compareDays('2026-01-05', '2026-01-05')).toBe(0);
    expect(compareDays('2027-01-01', '2026-12-31')).toBeGreaterThan(0);
  });

  it('counts leap years', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });
});
