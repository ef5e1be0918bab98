import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { action, arbitrarySnapshot, area, id, project, snapshotOf } from '../../../test/support/model-snapshots.ts';
import { buildTreeIndex, nearestAbove } from './tree-index.ts';

describe('buildTreeIndex', () => {
  it('is built once per snapshot, and a snapshot with other records gets its own', () => {
    const snapshot = snapshotOf([area(1, 'Home'), action(2, 'Call', { parent: id(1) })]);
    const index = buildTreeIndex(snapshot);
    expect(buildTreeIndex({ ...snapshot })).toBe(index);
    const records = new Map(snapshot.records);
    records.delete(id(1));
    const next = buildTreeIndex({ ...snapshot, records });
    expect(next).not.toBe(index);
    expect([next.items.length, next.parentOf.get(id(2))]).toEqual([1, undefined]);
    expect(index.parentOf.get(id(2))?.name).toBe('Home');
  });

  it('places items under their parents, parents listed before children', () => {
    const snapshot = snapshotOf([action(3, 'Call'), project(2, 'Taxes', { parent: id(1) }), area(1, 'Home'), action(4, 'File', { parent: id(2) })]);
    const index = buildTreeIndex(snapshot);
    expect(index.parentOf.get(id(4))?.id).toBe(id(2));
    expect(index.childrenOf(undefined).map((item) => item.name).sort()).toEqual(['Call', 'Home']);
    expect(index.topDown.map((item) => item.name)).toEqual(['Call', 'Home', 'Taxes', 'File']);
  });

  it('puts an item with a missing parent, or a parent that cannot hold it, at the top level', () => {
    const snapshot = snapshotOf([
      action(1, 'Lost', { parent: id(99) }),
      project(2, 'P'),
      area(3, 'Area in project', { parent: id(2) }),
      action(4, 'A'),
      action(5, 'In action', { parent: id(4) }),
    ]);
    const index = buildTreeIndex(snapshot);
    for (const n of [1, 3, 5]) expect(index.parentOf.get(id(n))).toBeUndefined();
    expect(index.childrenOf(id(2))).toEqual([]);
  });

  it('finds cycles and lifts their members to the top level, keeping what hangs below them', () => {
    const snapshot = snapshotOf([
      project(1, 'A', { parent: id(2) }),
      project(2, 'B', { parent: id(1) }),
      action(3, 'Under A', { parent: id(1) }),
      project(4, 'Self', { parent: id(4) }),
    ]);
    const index = buildTreeIndex(snapshot);
    expect([...index.onCycle].sort()).toEqual([id(1), id(2), id(4)]);
    expect(index.parentOf.get(id(1))).toBeUndefined();
    expect(index.parentOf.get(id(3))?.id).toBe(id(1));
    expect(index.topDown).toHaveLength(4);
  });

  it('finds the nearest project above each item, and everything below an area', () => {
    const snapshot = snapshotOf([
      area(1, 'Home'),
      area(2, 'Garden', { parent: id(1) }),
      project(3, 'Shed', { parent: id(2) }),
      project(4, 'Roof', { parent: id(3) }),
      action(5, 'Buy tiles', { parent: id(4) }),
      action(6, 'Water', { parent: id(2) }),
    ]);
    const index = buildTreeIndex(snapshot);
    const projectOf = nearestAbove(index, (item) => item.kind === 'project');
    expect(projectOf.get(id(5))?.name).toBe('Roof');
    expect(projectOf.get(id(4))?.name).toBe('Shed');
    expect(projectOf.get(id(6))).toBeUndefined();
  });

  it('lists every item exactly once in topDown, whatever the links', () => {
    fc.assert(
      fc.property(arbitrarySnapshot(), (snapshot) => {
        const index = buildTreeIndex(snapshot);
        const ids = index.topDown.map((item) => item.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.length).toBe(index.items.length);
        const position = new Map(ids.map((itemId, i) => [itemId, i]));
        for (const item of index.items) {
          const parent = index.parentOf.get(item.id);
          if (parent) expect(position.get(parent.id)).toBeLessThan(position.get(item.id) as number);
        }
      }),
    );
  });
});
