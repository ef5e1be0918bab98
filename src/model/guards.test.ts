import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canConvert, canDelete, canMove, descendantsOf, findReferences } from './guards.ts';
import { isItem, type Snapshot } from './snapshot.ts';
import { action, area, contact, context, project, snapshotOf, testId } from '../../test/support/model-records.ts';
import type { ItemRecord } from './types.ts';

const id = testId;

// Home (area 1) > Garden (area 2) > Shed (project 3) > Paint shed (action 4)
// Work (area 5) > Taxes (project 6) > Receipts (project 7) > Scan receipts (action 8)
// Call bank (action 9, top level), Alice (contact 20), Bob (contact 21), @phone (context 22)
const tree = snapshotOf(
  area(1, 'Home'),
  area(2, 'Garden', { parent: id(1) }),
  project(3, 'Shed', { parent: id(2) }),
  action(4, 'Paint shed', { parent: id(3) }),
  area(5, 'Work'),
  project(6, 'Taxes', { parent: id(5), contact: id(20) }),
  project(7, 'Receipts', { parent: id(6) }),
  action(8, 'Scan receipts', { parent: id(7) }),
  action(9, 'Call bank', { contact: id(20), context: id(22) }),
  contact(20, 'Alice'),
  contact(21, 'Bob'),
  context(22, '@phone'),
);

const refusal = (result: { ok: boolean; reason?: string }): string | undefined => (result.ok ? undefined : result.reason);

describe('canMove', () => {
  it('allows moves that keep the tree a tree', () => {
    expect(canMove(tree, id(4), id(6))).toEqual({ ok: true });
    expect(canMove(tree, id(3), id(7))).toEqual({ ok: true });
    expect(canMove(tree, id(2), id(5))).toEqual({ ok: true });
    expect(canMove(tree, id(2), undefined)).toEqual({ ok: true });
    expect(canMove(tree, id(4), id(3))).toEqual({ ok: true });
  });

  it('refuses a cycle', () => {
    expect(refusal(canMove(tree, id(1), id(1)))).toBe('“Home” cannot be inside itself.');
    expect(refusal(canMove(tree, id(1), id(3)))).toBe('“Shed” is a project; a project cannot hold an area.');
    expect(refusal(canMove(tree, id(6), id(7)))).toBe('“Receipts” is inside “Taxes”; an item cannot be moved inside itself.');
    expect(refusal(canMove(tree, id(1), id(2)))).toBe('“Garden” is inside “Home”; an item cannot be moved inside itself.');
  });

  it('refuses an action, a contact or a missing record as the parent', () => {
    expect(refusal(canMove(tree, id(9), id(4)))).toBe('“Paint shed” is an action; only areas and projects can hold items.');
    expect(refusal(canMove(tree, id(9), id(20)))).toBe('“Alice” is a contact; only areas and projects can hold items.');
    expect(refusal(canMove(tree, id(9), id(99)))).toMatch(/no item with id/);
    expect(refusal(canMove(tree, id(99), undefined))).toMatch(/no item with id/);
    expect(refusal(canMove(tree, id(20), id(1)))).toMatch(/no item with id/);
  });

  it('refuses an area inside a project', () => {
    expect(refusal(canMove(tree, id(5), id(6)))).toBe('“Taxes” is a project; a project cannot hold an area.');
  });

  it('terminates on a cycle a merge left behind', () => {
    const broken = snapshotOf(project(1, 'A', { parent: id(2) }), project(2, 'B', { parent: id(1) }), project(3, 'C'));
    expect(canMove(broken, id(3), id(1))).toEqual({ ok: true });
    expect(refusal(canMove(broken, id(1), id(2)))).toMatch(/inside/);
    expect(descendantsOf(broken, id(1)).map((item) => item.name)).toEqual(['B']);
  });
});

describe('canConvert', () => {
  it('allows an action to become a project or an area', () => {
    expect(canConvert(tree, id(9), 'project')).toEqual({ ok: true });
    expect(canConvert(tree, id(9), 'area')).toEqual({ ok: true });
    expect(canConvert(tree, id(4), 'project')).toEqual({ ok: true });
  });

  it('refuses converting to the same kind', () => {
    expect(refusal(canConvert(tree, id(9), 'action'))).toBe('“Call bank” is already an action.');
  });

  it('refuses an item with anything inside becoming an action', () => {
    expect(refusal(canConvert(tree, id(6), 'action'))).toBe('“Taxes” holds 2 items; an action cannot hold any. Move or delete them first.');
    expect(refusal(canConvert(tree, id(1), 'action'))).toBe('“Home” holds 3 items; an action cannot hold any. Move or delete them first.');
    expect(canConvert(snapshotOf(project(1, 'Empty')), id(1), 'action')).toEqual({ ok: true });
  });

  it('refuses an area holding areas becoming a project', () => {
    expect(refusal(canConvert(tree, id(1), 'project'))).toBe('“Home” holds the area “Garden”; a project cannot hold an area.');
    expect(canConvert(tree, id(2), 'project')).toEqual({ ok: true });
  });

  it('refuses an item inside a project becoming an area until it is moved', () => {
    expect(refusal(canConvert(tree, id(7), 'area'))).toBe(
      '“Receipts” is inside the project “Taxes”; an area cannot be inside a project. Move it first.',
    );
    expect(refusal(canConvert(tree, id(4), 'area'))).toMatch(/inside the project “Shed”/);
    expect(canConvert(tree, id(6), 'area')).toEqual({ ok: true });
  });

  it('refuses records that are not items', () => {
    expect(refusal(canConvert(tree, id(20), 'project'))).toMatch(/no item/);
  });
});

describe('findReferences and canDelete', () => {
  it('finds the items naming a contact or context, by name', () => {
    expect(findReferences(tree, id(20)).map((item) => item.name)).toEqual(['Call bank', 'Taxes']);
    expect(findReferences(tree, id(22)).map((item) => item.name)).toEqual(['Call bank']);
    expect(findReferences(tree, id(21))).toEqual([]);
  });

  it('refuses deleting a contact or context in use, naming its users', () => {
    expect(refusal(canDelete(tree, id(20)))).toBe('Cannot delete “Alice”: used by “Call bank”, “Taxes”.');
    expect(refusal(canDelete(tree, id(22)))).toBe('Cannot delete “@phone”: used by “Call bank”.');
    expect(canDelete(tree, id(21))).toEqual({ ok: true });
  });

  it('names at most five users', () => {
    const many = snapshotOf(contact(1, 'Alice'), ...[2, 3, 4, 5, 6, 7, 8].map((n) => action(n, `Task ${n}`, { contact: id(1) })));
    expect(refusal(canDelete(many, id(1)))).toBe('Cannot delete “Alice”: used by “Task 2”, “Task 3”, “Task 4”, “Task 5”, “Task 6” and 2 more.');
  });

  it('refuses deleting an item with items inside unless recursive', () => {
    expect(refusal(canDelete(tree, id(6)))).toBe('Cannot delete “Taxes”: it holds 2 items.');
    expect(refusal(canDelete(tree, id(7)))).toBe('Cannot delete “Receipts”: it holds 1 item.');
    expect(canDelete(tree, id(6), { recursive: true })).toEqual({ ok: true });
    expect(canDelete(tree, id(9))).toEqual({ ok: true });
    expect(refusal(canDelete(tree, id(99)))).toMatch(/no record/);
  });
});

// ---- property: whatever moves are attempted, the guard never lets a cycle form ----

const KINDS = ['area', 'project', 'action'] as const;

function hasCycle(snapshot: Snapshot): boolean {
  for (const record of snapshot.records.values()) {
    const seen = new Set<string>();
    for (let current: string | undefined = record.id; current !== undefined; ) {
      if (seen.has(current)) return true;
      seen.add(current);
      const next = snapshot.records.get(current);
      current = isItem(next) ? next.parent : undefined;
    }
  }
  return false;
}

function breaksKindRules(snapshot: Snapshot): boolean {
  for (const record of snapshot.records.values()) {
    if (!isItem(record) || record.parent === undefined) continue;
    const parent = snapshot.records.get(record.parent);
    if (!isItem(parent) || parent.kind === 'action' || (parent.kind === 'project' && record.kind === 'area')) return true;
  }
  return false;
}

describe('canMove properties', () => {
  it('never allows a cycle or a parent that cannot hold the item', () => {
    const size = 8;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...KINDS), { minLength: size, maxLength: size }),
        fc.array(fc.tuple(fc.nat(size - 1), fc.option(fc.nat(size - 1), { nil: undefined })), { maxLength: 40 }),
        (kinds, moves) => {
          const make = (n: number): ItemRecord =>
            kinds[n] === 'area' ? area(n, `I${n}`) : kinds[n] === 'project' ? project(n, `I${n}`) : action(n, `I${n}`);
          let snapshot = snapshotOf(...kinds.map((_, n) => make(n)));
          for (const [child, parent] of moves) {
            const parentId = parent === undefined ? undefined : id(parent);
            if (!canMove(snapshot, id(child), parentId).ok) continue;
            const records = new Map(snapshot.records);
            const item = records.get(id(child)) as ItemRecord;
            records.set(item.id, { ...item, parent: parentId });
            snapshot = { ...snapshot, records };
            expect(hasCycle(snapshot)).toBe(false);
            expect(breaksKindRules(snapshot)).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
