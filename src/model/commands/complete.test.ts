import { describe, expect, it } from 'vitest';
import { action, project, putOf, snapshotOf, testId } from '../../../test/support/model-records.ts';
import { completeAction } from './complete.ts';

const id = testId;
const NOW = new Date(2026, 0, 31, 18, 0); // local 2026-01-31

describe('completeAction', () => {
  it('marks an action done with a timestamp', () => {
    const s = snapshotOf(action(1, 'Buy milk', { state: 'scheduled', waitUntil: '2026-01-30' }));
    const edit = completeAction(s, id(1), NOW);
    expect(edit.message).toBe('Buy milk: done');
    expect(putOf(edit)).toEqual({ ...action(1, 'Buy milk'), state: 'done', completed: NOW.toISOString() });
  });

  it('moves a repeating action to its next occurrence after today, clamped to the month', () => {
    const s = snapshotOf(action(1, 'Pay rent', { state: 'scheduled', waitUntil: '2026-01-31', repeat: { every: 1, unit: 'month', from: '2025-12-31' } }));
    const edit = completeAction(s, id(1), NOW);
    expect(edit.message).toBe('Pay rent: done, next on 2026-02-28');
    const after = putOf(edit);
    expect(after).toMatchObject({ state: 'scheduled', waitUntil: '2026-02-28' });
    expect(after).not.toHaveProperty('completed');
    // and the one after that is Mar 31, not Mar 28
    const march = completeAction(snapshotOf(after), id(1), new Date(2026, 1, 28, 9));
    expect(march.message).toBe('Pay rent: done, next on 2026-03-31');
  });

  it('skips occurrences missed while the action was overdue', () => {
    const s = snapshotOf(action(1, 'Water plants', { state: 'scheduled', waitUntil: '2026-01-02', repeat: { every: 1, unit: 'week', from: '2026-01-02' } }));
    expect(putOf(completeAction(s, id(1), NOW))).toMatchObject({ waitUntil: '2026-02-06' });
  });

  it('completing early counts for the occurrence it was scheduled for', () => {
    const s = snapshotOf(action(1, 'Report', { state: 'scheduled', waitUntil: '2026-02-15', repeat: { every: 1, unit: 'month', from: '2026-01-15' } }));
    expect(completeAction(s, id(1), NOW).message).toBe('Report: done, next on 2026-03-15');
  });

  it('refuses what is not an open action', () => {
    const s = snapshotOf(action(1, 'Done', { state: 'done' }), project(2, 'P'));
    expect(() => completeAction(s, id(1), NOW)).toThrow(expect.objectContaining({ code: 'refused', message: '“Done” is already done.' }));
    expect(() => completeAction(s, id(2), NOW)).toThrow(expect.objectContaining({ code: 'invalid' }));
    expect(() => completeAction(s, id(3), NOW)).toThrow(expect.objectContaining({ code: 'not-found' }));
  });
});
