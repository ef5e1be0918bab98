import { describe, expect, it } from 'vitest';
import type { ActionRecord, Snapshot } from '../../../model/index.ts';
import { nextDateIfDone } from './next-date.ts';

const base: ActionRecord = { kind: 'action', id: '00000001-0000-4000-8000-000000000000', name: 'Water plants', state: 'next', created: '2026-01-01T00:00:00.000Z' };
const snapshotOf = (action: ActionRecord): Snapshot => ({ head: undefined, records: new Map([[action.id, action]]), malformed: [] });
const NOW = new Date(2026, 2, 10, 9, 0); // local 2026-03-10

describe('nextDateIfDone', () => {
  it('gives the next occurrence after today for a repeating action', () => {
    const weekly: ActionRecord = { ...base, state: 'scheduled', waitUntil: '2026-03-10', repeat: { every: 1, unit: 'week', from: '2026-03-10' } };
    expect(nextDateIfDone(snapshotOf(weekly), weekly, NOW)).toBe('2026-03-17');
  });

  it('counts from its own day when completed early', () => {
    const early: ActionRecord = { ...base, state: 'scheduled', waitUntil: '2026-03-12', repeat: { every: 1, unit: 'day', from: '2026-03-01' } };
    expect(nextDateIfDone(snapshotOf(early), early, NOW)).toBe('2026-03-13');
  });

  it('is undefined for actions that do not repeat or are done', () => {
    expect(nextDateIfDone(snapshotOf(base), base, NOW)).toBeUndefined();
    const done: ActionRecord = { ...base, state: 'done', repeat: { every: 1, unit: 'day', from: '2026-03-01' } };
    expect(nextDateIfDone(snapshotOf(done), done, NOW)).toBeUndefined();
  });
});
