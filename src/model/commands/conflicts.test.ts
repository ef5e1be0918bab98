import { describe, expect, it } from 'vitest';
import { action, putOf, snapshotOf, testId } from '../../../test/support/model-records.ts';
import { dismissConflict } from './conflicts.ts';

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
