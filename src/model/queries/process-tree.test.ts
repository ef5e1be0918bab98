import { describe, expect, it } from 'vitest';
import { processTree, type ProcessAreaNode, type ProcessProjectNode } from './process-tree.ts';
import { action, area, id, project, snapshotOf } from '../../../test/support/model-snapshots.ts';

const names = (nodes: readonly (ProcessAreaNode | ProcessProjectNode)[]): string[] => nodes.map((node) => node.record.name);

describe('processTree', () => {
  const snapshot = snapshotOf([
    area(1, 'Work'),
    area(2, 'Home'),
    area(3, 'Garden', { parent: id(2) }),
    area(4, 'Attic', { parent: id(2), starred: true }),
    project(5, 'Taxes', { parent: id(2) }),
    project(6, 'Shed', { parent: id(3) }),
    project(7, 'Roof', { parent: id(6) }),
    project(8, 'Boat', { state: 'someday' }),
    project(9, 'Old', { state: 'done', parent: id(2) }),
    project(10, 'Loose project'),
    action(11, 'File return', { parent: id(5) }),
    action(12, 'Find receipts', { parent: id(5), state: 'waiting' }),
    action(13, 'Paid', { parent: id(5), state: 'done' }),
    action(14, 'Sweep', { parent: id(2) }),
    action(15, 'idea', { state: 'inbox', created: '2026-01-03T08:00:00.000Z' }),
    action(16, 'Buy milk', { state: 'inbox', starred: true, created: '2026-01-04T08:00:00.000Z' }),
    action(17, 'Inside someday', { state: 'inbox', parent: id(8), created: '2026-01-02T08:00:00.000Z' }),
    action(18, 'Éclair', { state: 'inbox', created: '2026-01-03T08:00:00.000Z' }),
    project(19, 'Under boat', { parent: id(8) }),
  ]);

  it('nests areas, sub-areas and projects, starred first then by name', () => {
    const tree = processTree(snapshot);
    expect(names(tree.areas)).toEqual(['Home', 'Work']);
    const home = tree.areas[0] as ProcessAreaNode;
    expect(names(home.areas)).toEqual(['Attic', 'Garden']);
    expect(names(home.projects)).toEqual(['Taxes']);
    const garden = home.areas[1] as ProcessAreaNode;
    expect(names(garden.projects)).toEqual(['Shed']);
    expect(names((garden.projects[0] as ProcessProjectNode).projects)).toEqual(['Roof']);
    expect(names(tree.projects)).toEqual(['Loose project']);
  });

  it('counts the open actions directly in each area and project', () => {
    const tree = processTree(snapshot);
    const home = tree.areas[0] as ProcessAreaNode;
    expect(home.actionCount).toBe(1);
    expect((home.projects[0] as ProcessProjectNode).actionCount).toBe(2);
    expect((tree.areas[1] as ProcessAreaNode).actionCount).toBe(0);
  });

  it('leaves out someday and done projects, with what is inside them, unless asked', () => {
    const hidden = processTree(snapshot);
    expect(JSON.stringify(hidden)).not.toMatch(/Boat|Old|Under boat/);
    const shown = processTree(snapshot, { showInactive: true });
    expect(names(shown.projects)).toEqual(['Boat', 'Loose project']);
    const boat = shown.projects[0] as ProcessProjectNode;
    expect(boat.inactive).toBe(true);
    expect(names(boat.projects)).toEqual(['Under boat']);
    expect(names((shown.areas[0] as ProcessAreaNode).projects)).toEqual(['Old', 'Taxes']);
    expect((shown.projects[1] as ProcessProjectNode).inactive).toBe(false);
  });

  it('lists the inbox, wherever its actions are, in the order they were captured', () => {
    expect(processTree(snapshot).inbox.map((a) => a.name)).toEqual(['Inside someday', 'idea', 'Éclair', 'Buy milk']);
  });

  it('survives cycles and missing parents: each item shows once, at the top level', () => {
    const broken = snapshotOf([
      project(1, 'A', { parent: id(2) }),
      project(2, 'B', { parent: id(1) }),
      area(3, 'Lost', { parent: id(99) }),
      area(4, 'In project', { parent: id(1) }),
    ]);
    const tree = processTree(broken);
    expect(names(tree.projects)).toEqual(['A', 'B']);
    expect(names(tree.areas)).toEqual(['In project', 'Lost']);
  });

  it('is empty for an empty snapshot', () => {
    expect(processTree(snapshotOf([]))).toEqual({ areas: [], projects: [], inbox: [] });
  });
});
