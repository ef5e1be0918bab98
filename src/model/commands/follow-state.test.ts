import { describe, expect, it } from 'vitest';
import { action, putOf, snapshotOf, testId } from '../../../test/support/model-records.ts';
import type { ActionRecord, Repeat } from '../types.ts';
import { completeAction } from './complete.ts';
import { updateRecord, type RecordPatch } from './update.ts';

const NOW = new Date(2026, 0, 15, 10, 30); // local Thursday 2026-01-15
const id = testId(1);

function after(record: ActionRecord, patch: RecordPatch, now = NOW): ActionRecord {
  return putOf(updateRecord(snapshotOf(record), id, patch, now)) as ActionRecord;
}

describe('repeats follow the person’s intent', () => {
  // CueKeeper lib/ck_update.ml, set_repeat: setting a repeat puts the action in `Waiting_until`.
  it('schedules an action when a repeat is set on it', () => {
    const fortnightly: Repeat = { every: 2, unit: 'week', from: '2026-01-05' };
    expect(after(action(1, 'Water plants', { state: 'inbox' }), { repeat: fortnightly })).toMatchObject({ state: 'scheduled', waitUntil: '2026-01-19', repeat: fortnightly });
    expect(after(action(1, 'Water plants', { state: 'done', completed: NOW.toISOString() }), { repeat: { ...fortnightly, from: '2026-02-01' } })).toMatchObject({
      state: 'scheduled',
      waitUntil: '2026-02-01',
    });
    expect(after(action(1, 'Water plants'), { repeat: fortnightly, state: 'next' })).toMatchObject({ state: 'next' });
  });

  // CueKeeper lib/ck_update.ml, set_action_state: `Waiting_until date` records the date as `repeat_from`.
  it('repeats from the new day when a repeating action is rescheduled off its cadence', () => {
    const weekly: ActionRecord = action(1, 'Team notes', { state: 'scheduled', waitUntil: '2026-01-19', repeat: { every: 1, unit: 'week', from: '2026-01-05' } });
    const moved = after(weekly, { waitUntil: '2026-01-21' });
    expect(moved).toMatchObject({ waitUntil: '2026-01-21', repeat: { every: 1, unit: 'week', from: '2026-01-21' } });
    // Completing it then keeps the new weekday: the old cadence does not snap back.
    expect(putOf(completeAction(snapshotOf(moved), id, new Date(2026, 0, 21, 9)))).toMatchObject({ waitUntil: '2026-01-28' });
  });

  // Ours, deliberately: a day on the cadence keeps the anchor, so month ends do not drift.
  it('keeps the anchor when rescheduled to a day on its cadence', () => {
    const rent = action(1, 'Pay rent', { state: 'scheduled', waitUntil: '2026-01-31', repeat: { every: 1, unit: 'month', from: '2025-10-31' } });
    const february = after(rent, { waitUntil: '2026-02-28' });
    expect(february.repeat?.from).toBe('2025-10-31');
    expect(putOf(completeAction(snapshotOf(february), id, new Date(2026, 1, 28, 9)))).toMatchObject({ waitUntil: '2026-03-31' });
  });

  it('returns a repeat-after-done action `every` units after the day it was done', () => {
    const haircut = action(1, 'Haircut', { state: 'scheduled', waitUntil: '2026-01-10', repeat: { every: 6, unit: 'week', from: '2026-01-10', afterDone: true } });
    const edit = completeAction(snapshotOf(haircut), id, NOW);
    expect(edit.message).toBe('Haircut: done, next on 2026-02-26');
    expect(putOf(edit)).toMatchObject({ state: 'scheduled', waitUntil: '2026-02-26', repeat: { from: '2026-02-26', afterDone: true } });
    const bills = action(1, 'Check bills', { repeat: { every: 1, unit: 'month', from: '2026-01-31', afterDone: true } });
    expect(putOf(completeAction(snapshotOf(bills), id, new Date(2026, 0, 31, 9)))).toMatchObject({ waitUntil: '2026-02-28' });
  });
});
