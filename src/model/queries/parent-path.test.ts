import { describe, expect, it } from 'vitest';
import { parentChain, parentPath } from './parent-path.ts';
import { action, area, contact, id, project, snapshotOf } from '../../../test/support/model-snapshots.ts';

describe('parentPath', () => {
  const snapshot = snapshotOf([
    area(1, 'Home'),
    project(2, 'Taxes', { parent: id(1) }),
    action(3, 'File return', { parent: id(2) }),
    action(4, 'Loose'),
    action(5, 'Lost', { parent: id(99) }),
    project(6, 'A', { parent: id(7) }),
    project(7, 'B', { parent: id(8) }),
    project(8, 'C', { parent: id(6) }),
    action(9, 'In cycle', { parent: id(6) }),
    contact(10, 'Ann'),
    action(11, 'Under contact', { parent: id(10) }),
  ]);

  it('names the items from the top level down to the parent', () => {
    expect(parentPath(snapshot, id(3))).toEqual(['Home', 'Taxes']);
    expect(parentChain(snapshot, id(3)).map((item) => item.id)).toEqual([id(1), id(2)]);
    expect(parentPath(snapshot, id(2))).toEqual(['Home']);
  });

  it('is empty for top-level items, unknown ids, contacts, and items whose parent is missing', () => {
    expect(parentPath(snapshot, id(1))).toEqual([]);
    expect(parentPath(snapshot, id(4))).toEqual([]);
    expect(parentPath(snapshot, id(5))).toEqual([]);
    expect(parentPath(snapshot, id(98))).toEqual([]);
    expect(parentPath(snapshot, id(10))).toEqual([]);
    expect(parentPath(snapshot, id(11))).toEqual([]);
  });

  it('stops before an item comes round again in a cycle', () => {
    expect(parentPath(snapshot, id(6))).toEqual(['C', 'B']);
    expect(parentPath(snapshot, id(9))).toEqual(['C', 'B', 'A']);
  });
});
