import { describe, expect, it } from 'vitest';
import { action, putOf, snapshotOf, testId } from '../../../test/support/model-records.ts';
import { dismissConflict, otherValuePatch, chooseOtherValue } from './conflicts.ts';

const id = testId;
const notes = [
  { field: 'name', kept: 'Buy milk', discarded: 'Buy oat milk' },
  { field: 'state', kept: 'done', discarded: 'next' },
];
const snapshot = snapshotOf(action(1, 'Buy milk', { _conflicts: notes }), action(2, 'Plain'));

describe('dismissConflict', () => {
  it('removes one note', () => {
    const edit = dismissConflict(snapshot, id(1), 0);
    expect(edit.message).toBe('Buy milk: dismiss conflict note');
    expect(putOf(edit)).toMatchObject({ _conflicts: [notes[1]] });
  });

  it('drops the field with the last note', () => {
    const once = snapshotOf(action(1, 'Buy milk', { _conflicts: [notes[0] as (typeof notes)[0]] }));
    expect(putOf(dismissConflict(once, id(1), 0))).not.toHaveProperty('_conflicts');
  });

  it('refuses a note that is not there', () => {
    expect(() => dismissConflict(snapshot, id(1), 2)).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(() => dismissConflict(snapshot, id(1), -1)).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(() => dismissConflict(snapshot, id(2), 0)).toThrow('“Plain” has no conflict note number 1.');
    expect(() => dismissConflict(snapshot, id(9), 0)).toThrow(expect.objectContaining({ code: 'not-found' }));
  });
});

describe('chooseOtherValue', () => {
  const NOW = new Date('2026-03-02T09:00:00Z');

  it('takes the discarded value and drops its note, in one edit', () => {
    const edit = chooseOtherValue(snapshot, id(1), 0, NOW);
    expect(edit.message).toBe('Buy milk: use the other name');
    expect(putOf(edit)).toMatchObject({ name: 'Buy oat milk', _conflicts: [notes[1]] });
    const state = putOf(chooseOtherValue(snapshot, id(1), 1, NOW));
    expect(state).toMatchObject({ state: 'next', _conflicts: [notes[0]] });
  });

  it('reads a scheduled state with its day, and has nothing to take from a note without another value', () => {
    expect(otherValuePatch({ field: 'state', kept: 'next', discarded: 'scheduled until 2026-03-09' })).toEqual({ state: 'scheduled', waitUntil: '2026-03-09' });
    expect(otherValuePatch({ field: 'id', kept: 'x', note: 'Deleted on another device, kept because it was edited here.' })).toBeUndefined();
    expect(otherValuePatch({ field: 'repeat', kept: { every: 1 }, discarded: { every: 2 } })).toBeUndefined();
    const kept = snapshotOf(action(1, 'Buy milk', { _conflicts: [{ field: 'id', kept: id(1), note: 'Kept' }] }));
    expect(() => chooseOtherValue(kept, id(1), 0, NOW)).toThrow(expect.objectContaining({ code: 'refused' }));
    expect(() => chooseOtherValue(snapshot, id(1), 5, NOW)).toThrow(expect.objectContaining({ code: 'not-found' }));
  });
});
