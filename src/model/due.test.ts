import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, compareDays } from './dates.ts';
import { dueActions, isDue, nextDueChange } from './due.ts';
import { action, project, snapshotOf } from '../../test/support/model-records.ts';
import type { ActionState } from './types.ts';

describe('isDue', () => {
  it('is true for a scheduled action on and after its day', () => {
    const dentist = action(1, 'Dentist', { state: 'scheduled', waitUntil: '2026-02-01' });
    expect(isDue(dentist, '2026-01-31')).toBe(false);
    expect(isDue(dentist, '2026-02-01')).toBe(true);
    expect(isDue(dentist, '2026-03-15')).toBe(true);
  });

  it('is false for actions in other states and for other records', () => {
    for (const state of ['inbox', 'next', 'waiting', 'future', 'done'] as ActionState[]) {
      expect(isDue(action(1, 'X', { state }), '2026-02-01')).toBe(false);
    }
    expect(isDue(project(2, 'P'), '2026-02-01')).toBe(false);
  });

  it('counts a scheduled action without a day as due, so it is not hidden for good', () => {
    expect(isDue(action(1, 'Lost', { state: 'scheduled' }), '2026-02-01')).toBe(true);
  });
});

describe('dueActions and nextDueChange', () => {
  const snapshot = snapshotOf(
    action(1, 'Pay rent', { state: 'scheduled', waitUntil: '2026-02-01' }),
    action(2, 'Call mum', { state: 'scheduled', waitUntil: '2026-01-20' }),
    action(3, 'Book flights', { state: 'scheduled', waitUntil: '2026-02-01' }),
    action(4, 'Renew passport', { state: 'scheduled', waitUntil: '2026-06-01' }),
    action(5, 'Buy milk'),
  );

  it('lists the due actions, earliest first, then by name', () => {
    expect(dueActions(snapshot, '2026-01-19')).toEqual([]);
    expect(dueActions(snapshot, '2026-02-01').map((a) => a.name)).toEqual(['Call mum', 'Book flights', 'Pay rent']);
  });

  it('names the next day the due list changes', () => {
    expect(nextDueChange(snapshot, '2026-01-01')).toBe('2026-01-20');
    expect(nextDueChange(snapshot, '2026-01-20')).toBe('2026-02-01');
    expect(nextDueChange(snapshot, '2026-02-01')).toBe('2026-06-01');
    expect(nextDueChange(snapshot, '2026-06-01')).toBeUndefined();
  });

  it('is consistent: the due list is the same on every day before the next change', () => {
    const days = fc.integer({ min: 0, max: 60 }).map((n) => addDays('2026-01-01', n));
    fc.assert(
      fc.property(fc.array(days, { maxLength: 8 }), days, (waits, today) => {
        const s = snapshotOf(...waits.map((waitUntil, i) => action(i + 1, `A${i}`, { state: 'scheduled', waitUntil })));
        const change = nextDueChange(s, today);
        const ids = (day: string) => dueActions(s, day).map((a) => a.id);
        if (change === undefined) {
          expect(ids(addDays(today, 1000))).toEqual(ids(today));
        } else {
          expect(compareDays(change, today)).toBeGreaterThan(0);
          expect(ids(addDays(change, -1))).toEqual(ids(today));
          expect(ids(change).length).toBeGreaterThan(ids(today).length);
        }
      }),
    );
  });
});
