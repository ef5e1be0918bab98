import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isItem } from '../snapshot.ts';
import { action, applyEdit, area, project, snapshotOf, testId } from '../../../test/support/model-records.ts';
import type { ActionState, ItemRecord, ProjectState } from '../types.ts';
import { deleteDoneItems } from './delete-done.ts';

const id = testId;
const removed = (edit: ReturnType<typeof deleteDoneItems>): string[] =>
  edit.changes.map((change) => ('remove' in change ? change.remove.id : '')).sort();

describe('deleteDoneItems', () => {
  it('deletes done actions and done projects with nothing open inside', () => {
    const s = snapshotOf(
      area(1, 'Home'),
      action(2, 'Done thing', { parent: id(1), state: 'done' }),
      action(3, 'Open thing', { parent: id(1) }),
      project(4, 'Finished', { state: 'done' }),
      action(5, 'Finished step', { parent: id(4), state: 'done' }),
      project(6, 'Done but busy', { state: 'done' }),
      action(7, 'Still open', { parent: id(6), state: 'waiting' }),
      action(8, 'Done inside busy', { parent: id(6), state: 'done' }),
      project(9, 'Active', { state: 'active' }),
      action(10, 'Done in active', { parent: id(9), state: 'done' }),
      project(11, 'Done outer', { state: 'done' }),
      project(12, 'Done inner, busy', { parent: id(11), state: 'done' }),
      action(13, 'Open deep', { parent: id(12), state: 'future' }),
    );
    const edit = deleteDoneItems(s);
    expect(edit.message).toBe('Delete done items');
    expect(removed(edit)).toEqual([id(2), id(4), id(5), id(8), id(10)].sort());
  });

  it('handles done projects nested 20,000 deep, and an open leaf keeps the whole chain', () => {
    const depth = 20_000;
    const chain = Array.from({ length: depth }, (_, i) => project(i + 1, `Level ${i}`, { state: 'done', ...(i > 0 ? { parent: id(i) } : {}) }));
    expect(removed(deleteDoneItems(snapshotOf(...chain)))).toHaveLength(depth);
    const withOpenLeaf = snapshotOf(...chain, action(depth + 1, 'Open leaf', { parent: id(depth) }));
    expect(removed(deleteDoneItems(withOpenLeaf))).toEqual([]);
  });

  it('has no changes when nothing is done', () => {
    expect(deleteDoneItems(snapshotOf(action(1, 'A'))).changes).toEqual([]);
  });
});

// ---- property: nothing open is deleted, and nothing left behind loses its parent ----

const ACTION_STATES: ActionState[] = ['inbox', 'next', 'waiting', 'scheduled', 'future', 'done', 'done', 'done'];
const PROJECT_STATES: ProjectState[] = ['active', 'someday', 'done', 'done'];

const itemArb = (n: number): fc.Arbitrary<ItemRecord> =>
  fc
    .record({ kind: fc.constantFrom('area', 'project', 'action'), a: fc.constantFrom(...ACTION_STATES), p: fc.constantFrom(...PROJECT_STATES), parent: fc.option(fc.nat(11), { nil: undefined }) })
    .map(({ kind, a, p, parent }) => {
      const extra = parent === undefined || parent === n ? {} : { parent: id(parent) };
      return kind === 'area' ? area(n, `I${n}`, extra) : kind === 'project' ? project(n, `I${n}`, { ...extra, state: p }) : action(n, `I${n}`, { ...extra, state: a });
    });

describe('deleteDoneItems properties', () => {
  it('never deletes an open item or orphans one (even in trees a merge made odd)', () => {
    fc.assert(
      fc.property(fc.tuple(...Array.from({ length: 12 }, (_, n) => itemArb(n))), (items) => {
        const before = snapshotOf(...items);
        const edit = deleteDoneItems(before);
        const after = applyEdit(before, edit);
        for (const change of edit.changes) {
          expect('remove' in change).toBe(true);
          const gone = before.records.get('remove' in change ? change.remove.id : '');
          expect(isItem(gone) && gone.kind !== 'area' && gone.state === 'done').toBe(true);
        }
        for (const record of after.records.values()) {
          if (!isItem(record) || record.parent === undefined) continue;
          if (before.records.has(record.parent)) expect(after.records.has(record.parent)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
