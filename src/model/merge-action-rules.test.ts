import { describe, expect, it } from 'vitest';
import { parseJsonObject, type JsonObject } from '../store/index.ts';
import { encodeRecord } from './encode-record.ts';
import { mergeRecordFile } from './merge-records.ts';
import { recordPath } from './paths.ts';
import type { ActionRecord, AnyRecord, ProjectRecord } from './types.ts';

const ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const ALICE = 'aaaaaaaa-0000-4000-8000-000000000001';
const BOB = 'bbbbbbbb-0000-4000-8000-000000000002';
const base: ActionRecord = { kind: 'action', id: ID, name: 'Call bank', created: '2026-01-01T09:00:00.000Z', state: 'next' };

/** Merges both ways round and checks they agree; returns the merged record. */
function merge(ancestor: AnyRecord, ours: AnyRecord, theirs: AnyRecord): JsonObject {
  const run = (a: AnyRecord, b: AnyRecord): Uint8Array | undefined =>
    mergeRecordFile({ path: recordPath('action', ID), base: encodeRecord(ancestor), ours: encodeRecord(a), theirs: encodeRecord(b) })?.data;
  const one = run(ours, theirs);
  expect(one).toEqual(run(theirs, ours));
  return parseJsonObject(one as Uint8Array) as JsonObject;
}

describe('merged actions follow CueKeeper’s merge rules', () => {
  // CueKeeper lib/ck_disk_node.ml, merge_action: "`Done when repeat <> None -> `Next".
  it('makes an action done on one device and set to repeat on the other a next action again', () => {
    const done: ActionRecord = { ...base, state: 'done', completed: '2026-01-05T10:00:00.000Z' };
    const repeating: ActionRecord = { ...base, repeat: { every: 1, unit: 'week', from: '2026-01-12' } };
    const merged = merge(base, done, repeating);
    expect(merged).toMatchObject({ state: 'next', repeat: repeating.repeat });
    expect(merged).not.toHaveProperty('completed');
    expect(merged._conflicts).toContainEqual(expect.objectContaining({ field: 'state', kept: 'next', discarded: 'done' }));
  });

  // CueKeeper lib/ck_disk_node.ml, merge_waiting_contact: "picking the one we were waiting for".
  it('takes the contact of the side that waits for one', () => {
    const withContact: ActionRecord = { ...base, contact: ALICE };
    const waitingOnBob: ActionRecord = { ...withContact, state: 'waiting-for-contact', contact: BOB };
    const forCarol: ActionRecord = { ...withContact, contact: 'cccccccc-0000-4000-8000-000000000003' };
    // Field by field, the contact that sorts first (ALICE… < cccc…) would win without the rule.
    const merged = merge(withContact, waitingOnBob, forCarol);
    expect(merged).toMatchObject({ state: 'waiting-for-contact', contact: BOB });
    expect(merged._conflicts).toEqual([expect.objectContaining({ field: 'contact', kept: BOB, discarded: forCarol.contact })]);
    // A contact removed on the other device still leaves the waiting action its contact.
    expect(merge(withContact, { ...waitingOnBob, contact: ALICE }, { ...base })).toMatchObject({ state: 'waiting-for-contact', contact: ALICE });
  });

  // CueKeeper lib/ck_disk_node.ml, astate: `Waiting_until of date` holds the day inside the state.
  it('merges a state and its day as one value, never a day without the schedule', () => {
    const scheduled: ActionRecord = { ...base, state: 'scheduled', waitUntil: '2026-03-01' };
    const future: ActionRecord = { ...base, state: 'future' };
    const merged = merge(base, scheduled, future);
    expect(merged).toMatchObject({ state: 'future' }); // "future" sorts before "scheduled…"
    expect(merged).not.toHaveProperty('waitUntil');
    expect(merged._conflicts).toEqual([
      { field: 'state', kept: 'future', discarded: 'scheduled until 2026-03-01', note: 'Both devices changed “state”: kept “future”, discarded “scheduled until 2026-03-01”.' },
    ]);
    // Rescheduled on one device, taken off the schedule on the other: one decision, one note.
    const later = merge(scheduled, { ...scheduled, waitUntil: '2026-04-01' }, { ...base, state: 'waiting' });
    expect(later).toMatchObject({ state: 'scheduled', waitUntil: '2026-04-01' });
    expect(later._conflicts).toHaveLength(1);
  });

  // CueKeeper lib/ck_disk_node.ml, merge_action: `repeat` is merged as one value by merge_detail.
  it('merges a repeat’s cadence as one value, and its day on its own', () => {
    const weekly: ActionRecord = { ...base, state: 'scheduled', waitUntil: '2026-01-05', repeat: { every: 1, unit: 'week', from: '2026-01-05' } };
    const fortnightly: ActionRecord = { ...weekly, repeat: { every: 2, unit: 'week', from: '2026-01-05' } };
    const monthly: ActionRecord = { ...weekly, repeat: { every: 1, unit: 'month', from: '2026-01-05' } };
    const merged = merge(weekly, fortnightly, monthly);
    expect([{ every: 2, unit: 'week' }, { every: 1, unit: 'month' }]).toContainEqual({ every: (merged.repeat as JsonObject).every, unit: (merged.repeat as JsonObject).unit });
    expect(merged._conflicts).toEqual([expect.objectContaining({ field: 'repeat' })]);
    const moved: ActionRecord = { ...weekly, waitUntil: '2026-01-07', repeat: { every: 1, unit: 'week', from: '2026-01-07' } };
    expect(merge(weekly, moved, fortnightly)).toMatchObject({ waitUntil: '2026-01-07', repeat: { every: 2, unit: 'week', from: '2026-01-07' } });
  });

  it('keeps “completed” only on a done record', () => {
    const done: ActionRecord = { ...base, state: 'done', completed: '2026-01-05T10:00:00.000Z' };
    const merged = merge(done, { ...done, state: 'next', completed: undefined }, { ...done, name: 'Call the bank' });
    expect(merged).toMatchObject({ state: 'next', name: 'Call the bank' });
    expect(merged).not.toHaveProperty('completed');
  });

  // CueKeeper lib/ck_disk_node.ml, as_project: a project has no context, repeat or day.
  it('drops what only an action has when the merged record is a project', () => {
    const scheduled: ActionRecord = { ...base, state: 'scheduled', waitUntil: '2026-03-01', context: ALICE };
    const project: ProjectRecord = { kind: 'project', id: ID, name: base.name, created: base.created, state: 'active' };
    const merged = merge(base, project, scheduled);
    expect(merged).toMatchObject({ kind: 'project', state: 'active' });
    expect(merged).not.toHaveProperty('waitUntil');
    expect(merged).not.toHaveProperty('context');
    expect(merged._conflicts).toContainEqual(expect.objectContaining({ field: 'waitUntil', discarded: '2026-03-01' }));
  });
});
