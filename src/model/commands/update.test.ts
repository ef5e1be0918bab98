import { describe, expect, it } from 'vitest';
import { ModelError } from '../errors.ts';
import { action, area, contact, context, project, putOf, snapshotOf, testId } from '../../../test/support/model-records.ts';
import type { AnyRecord } from '../types.ts';
import { updateRecord, type RecordPatch } from './update.ts';

const id = testId;
const NOW = new Date(2026, 0, 15, 10, 30); // local 2026-01-15
const snapshot = snapshotOf(
  area(1, 'Home'),
  project(2, 'Taxes', { parent: id(1) }),
  action(3, 'Call bank', { parent: id(2), context: id(5) }),
  contact(4, 'Alice', { email: 'alice@example.org' }),
  context(5, '@phone'),
  action(6, 'Dentist', { state: 'scheduled', waitUntil: '2026-02-01', starred: true }),
  action(7, 'Old task', { state: 'done', completed: '2026-01-02T10:00:00.000Z' }),
  project(8, 'Garden'),
);

const update = (target: number, patch: RecordPatch) => updateRecord(snapshot, id(target), patch, NOW);
const updated = (target: number, patch: RecordPatch): AnyRecord => putOf(update(target, patch));
const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof ModelError) return error.code;
    throw error;
  }
  return undefined;
};

describe('updateRecord messages', () => {
  it('says what one change did', () => {
    expect(update(3, { name: 'Call the bank' }).message).toBe('Call bank: rename to Call the bank');
    expect(update(3, { state: 'done' }).message).toBe('Call bank: next -> done');
    expect(update(3, { state: 'scheduled', waitUntil: '2026-03-01' }).message).toBe('Call bank: next -> scheduled until 2026-03-01');
    expect(update(3, { waitUntil: '2026-03-01' }).message).toBe('Call bank: next -> scheduled until 2026-03-01');
    expect(update(6, { waitUntil: '2026-03-01' }).message).toBe('Dentist: reschedule to 2026-03-01');
    expect(update(6, { state: 'next' }).message).toBe('Dentist: scheduled -> next');
    expect(update(2, { state: 'someday' }).message).toBe('Taxes: active -> someday');
    expect(update(3, { starred: true }).message).toBe('Call bank: star');
    expect(update(6, { starred: false }).message).toBe('Dentist: unstar');
    expect(update(3, { parent: id(8) }).message).toBe('Move Call bank to Garden');
    expect(update(3, { parent: null }).message).toBe('Move Call bank to the top level');
    expect(update(3, { description: 'Ask about the fee' }).message).toBe('Call bank: edit notes');
    expect(update(3, { context: null }).message).toBe('Call bank: remove context');
    expect(update(6, { context: id(5) }).message).toBe('Dentist: set context to @phone');
    expect(update(2, { contact: id(4) }).message).toBe('Taxes: set contact to Alice');
    expect(update(3, { repeat: { every: 2, unit: 'week', from: '2026-01-05' } }).message).toBe('Call bank: repeat every 2 weeks from 2026-01-05, next on 2026-01-19');
    expect(update(4, { email: 'alice@example.com' }).message).toBe('Alice: edit email');
  });

  it('says "edit" for several changes', () => {
    expect(update(3, { name: 'Call the bank', starred: true }).message).toBe('Call bank: edit');
  });

  it('cuts a long name in the message', () => {
    const long = snapshotOf(action(1, 'z'.repeat(80)));
    expect(updateRecord(long, id(1), { starred: true }, NOW).message).toBe(`${'z'.repeat(59)}…: star`);
  });

  it('returns no changes when nothing changes', () => {
    expect(update(3, { name: 'Call bank', starred: false, context: id(5) }).changes).toEqual([]);
    expect(update(3, {}).changes).toEqual([]);
  });
});

describe('updateRecord fields', () => {
  it('clears optional fields with null, leaves absent ones', () => {
    const record = updated(3, { context: null, description: 'x', name: ' Call  ' });
    expect(record).not.toHaveProperty('context');
    expect(record).toMatchObject({ description: 'x', name: 'Call', parent: id(2) });
  });

  it('stamps completed on done and clears it on leaving done', () => {
    expect(updated(3, { state: 'done' })).toMatchObject({ state: 'done', completed: NOW.toISOString() });
    expect(updated(7, { state: 'next' })).not.toHaveProperty('completed');
    expect(updated(7, { name: 'Older task' })).toMatchObject({ completed: '2026-01-02T10:00:00.000Z' });
    expect(updated(2, { state: 'done' })).toMatchObject({ completed: NOW.toISOString() });
  });

  it('clears waitUntil when an action leaves scheduled', () => {
    expect(updated(6, { state: 'done' })).not.toHaveProperty('waitUntil');
    expect(updated(6, { state: 'future' })).not.toHaveProperty('waitUntil');
  });

  it('completes a repeating action set to done, like completeAction', () => {
    const s = snapshotOf(action(1, 'Rent', { repeat: { every: 1, unit: 'month', from: '2025-10-31' } }));
    const edit = updateRecord(s, id(1), { state: 'done' }, NOW);
    expect(edit.message).toBe('Rent: done, next on 2026-01-31');
    expect(putOf(edit)).toMatchObject({ state: 'scheduled', waitUntil: '2026-01-31' });
    expect(putOf(updateRecord(s, id(1), { state: 'done', repeat: null }, NOW))).toMatchObject({ state: 'done' });
  });

  it('refuses unknown ids, bad values and moves the tree forbids', () => {
    expect(codeOf(() => update(99, { name: 'x' }))).toBe('not-found');
    expect(codeOf(() => update(3, { name: '  ' }))).toBe('invalid');
    expect(codeOf(() => update(3, { name: null as unknown as string }))).toBe('invalid');
    expect(codeOf(() => update(2, { context: id(5) }))).toBe('invalid');
    expect(codeOf(() => update(3, { context: id(4) }))).toBe('invalid');
    expect(codeOf(() => update(3, { contact: id(5) }))).toBe('invalid');
    expect(codeOf(() => update(3, { parent: id(6) }))).toBe('invalid');
    expect(codeOf(() => update(3, { state: 'waiting-for-contact' }))).toBe('invalid');
    expect(codeOf(() => update(3, { state: 'scheduled' }))).toBe('invalid');
    expect(codeOf(() => update(3, { state: 'next', waitUntil: '2026-02-01' }))).toBe('invalid');
    expect(codeOf(() => update(6, { waitUntil: '2026-02-29' }))).toBe('invalid');
    expect(codeOf(() => update(2, { state: 'next' }))).toBe('invalid');
    expect(codeOf(() => update(1, { parent: id(2) }))).toBe('refused');
    expect(codeOf(() => update(1, { parent: id(1) }))).toBe('refused');
  });

  it('refuses clearing the contact an action waits for', () => {
    const s = snapshotOf(contact(1, 'Alice'), action(2, 'Reply', { state: 'waiting-for-contact', contact: id(1) }));
    expect(() => updateRecord(s, id(2), { contact: null }, NOW)).toThrow('“Reply” waits for a contact: choose who.');
    expect(putOf(updateRecord(s, id(2), { state: 'next', contact: null }, NOW))).not.toHaveProperty('contact');
  });

  it('keeps fields it does not know about and the conflict notes', () => {
    const s = snapshotOf(action(1, 'A', { _conflicts: [{ field: 'name', kept: 'A', discarded: 'B' }] }));
    expect(putOf(updateRecord(s, id(1), { starred: true }, NOW))).toMatchObject({ _conflicts: [{ field: 'name' }] });
  });
});
