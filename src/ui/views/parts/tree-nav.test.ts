import { describe, expect, it } from 'vitest';
import { treeMove, visibleRows } from './tree-nav.ts';

interface Node {
  id: string;
  children: Node[];
}
const node = (id: string, ...children: Node[]): Node => ({ id, children });
// home > (taxes > (forms), garden); work
const roots = [node('home', node('taxes', node('forms')), node('garden')), node('work')];
const ids = (collapsed: string[] = []) => visibleRows(roots, new Set(collapsed)).map((row) => row.node.id);

describe('visibleRows', () => {
  it('lists the tree depth first, with levels and positions', () => {
    const rows = visibleRows(roots, new Set());
    expect(rows.map((row) => [row.node.id, row.level, row.position, row.siblings, row.parentId])).toEqual([
      ['home', 1, 1, 2, undefined],
      ['taxes', 2, 1, 2, 'home'],
      ['forms', 3, 1, 1, 'taxes'],
      ['garden', 2, 2, 2, 'home'],
      ['work', 1, 2, 2, undefined],
    ]);
    expect(rows.map((row) => row.expanded)).toEqual([true, true, false, false, false]);
  });

  it('hides what is inside a collapsed node', () => {
    expect(ids(['taxes'])).toEqual(['home', 'taxes', 'garden', 'work']);
    expect(ids(['home'])).toEqual(['home', 'work']);
    expect(visibleRows(roots, new Set(['home']))[0]).toMatchObject({ hasChildren: true, expanded: false });
  });
});

describe('treeMove', () => {
  const rows = visibleRows(roots, new Set());
  it('moves up and down, and jumps with Home and End', () => {
    expect(treeMove(rows, 'home', 'ArrowDown')).toEqual({ kind: 'focus', id: 'taxes' });
    expect(treeMove(rows, 'garden', 'ArrowUp')).toEqual({ kind: 'focus', id: 'forms' });
    expect(treeMove(rows, 'work', 'ArrowDown')).toBeUndefined();
    expect(treeMove(rows, 'home', 'ArrowUp')).toBeUndefined();
    expect(treeMove(rows, 'forms', 'Home')).toEqual({ kind: 'focus', id: 'home' });
    expect(treeMove(rows, 'forms', 'End')).toEqual({ kind: 'focus', id: 'work' });
  });

  it('opens, enters, closes and leaves nodes with Right and Left', () => {
    expect(treeMove(rows, 'taxes', 'ArrowRight')).toEqual({ kind: 'focus', id: 'forms' });
    expect(treeMove(rows, 'taxes', 'ArrowLeft')).toEqual({ kind: 'collapse', id: 'taxes' });
    expect(treeMove(rows, 'forms', 'ArrowLeft')).toEqual({ kind: 'focus', id: 'taxes' });
    expect(treeMove(rows, 'forms', 'ArrowRight')).toBeUndefined();
    expect(treeMove(rows, 'work', 'ArrowLeft')).toBeUndefined();
    const closed = visibleRows(roots, new Set(['home']));
    expect(treeMove(closed, 'home', 'ArrowRight')).toEqual({ kind: 'expand', id: 'home' });
  });

  it('starts from the first row when the active one is gone, and ignores other keys', () => {
    expect(treeMove(rows, 'deleted', 'ArrowDown')).toEqual({ kind: 'focus', id: 'home' });
    expect(treeMove(rows, 'home', 'x')).toBeUndefined();
    expect(treeMove([], 'home', 'ArrowDown')).toBeUndefined();
  });
});
