/**
 * The keyboard of a tree (WAI-ARIA tree pattern) as pure functions: which rows show, given the
 * collapsed nodes, and what an arrow key does from the active row.
 */

/** What the tree needs of a node. */
export interface TreeNodeLike<N> {
  id: string;
  children: readonly N[];
}

/** One row on screen. */
export interface TreeRow<N> {
  node: N;
  /** 1 for the top level (`aria-level`). */
  level: number;
  parentId: string | undefined;
  hasChildren: boolean;
  expanded: boolean;
  /** 1-based position among its siblings, and how many siblings (`aria-posinset`, `aria-setsize`). */
  position: number;
  siblings: number;
}

/** The rows shown, depth first, skipping the children of collapsed nodes. */
export function visibleRows<N extends TreeNodeLike<N>>(roots: readonly N[], collapsed: ReadonlySet<string>): TreeRow<N>[] {
  const rows: TreeRow<N>[] = [];
  const stack: Array<{ node: N; level: number; parentId: string | undefined; position: number; siblings: number }> = [];
  const push = (nodes: readonly N[], level: number, parentId: string | undefined): void => {
    for (let i = nodes.length - 1; i >= 0; i--) stack.push({ node: nodes[i] as N, level, parentId, position: i + 1, siblings: nodes.length });
  };
  push(roots, 1, undefined);
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const hasChildren = top.node.children.length > 0;
    const expanded = hasChildren && !collapsed.has(top.node.id);
    rows.push({ ...top, hasChildren, expanded });
    if (expanded) push(top.node.children, top.level + 1, top.node.id);
  }
  return rows;
}

/** What a key does: move the focus, or open or close a node. */
export type TreeMove = { kind: 'focus'; id: string } | { kind: 'expand'; id: string } | { kind: 'collapse'; id: string };

/**
 * The effect of `key` pressed on the row `activeId` (the first row when it is not shown):
 * Up and Down move, Home and End jump, Right opens a closed node or enters an open one, Left
 * closes an open node or goes to the parent. `undefined`: the key does nothing here.
 */
export function treeMove<N extends TreeNodeLike<N>>(rows: readonly TreeRow<N>[], activeId: string | undefined, key: string): TreeMove | undefined {
  if (rows.length === 0) return undefined;
  const found = rows.findIndex((row) => row.node.id === activeId);
  const at = found < 0 ? 0 : found;
  const row = rows[at] as TreeRow<N>;
  const focus = (index: number): TreeMove | undefined => {
    const target = rows[index];
    return target && (target.node.id !== activeId || found < 0) ? { kind: 'focus', id: target.node.id } : undefined;
  };
  switch (key) {
    case 'ArrowDown':
      return focus(found < 0 ? 0 : at + 1);
    case 'ArrowUp':
      return focus(found < 0 ? 0 : at - 1);
    case 'Home':
      return focus(0);
    case 'End':
      return focus(rows.length - 1);
    case 'ArrowRight':
      if (!row.hasChildren) return undefined;
      return row.expanded ? focus(at + 1) : { kind: 'expand', id: row.node.id };
    case 'ArrowLeft': {
      if (row.expanded) return { kind: 'collapse', id: row.node.id };
      const parent = rows.findIndex((candidate) => candidate.node.id === row.parentId);
      return parent < 0 ? undefined : focus(parent);
    }
    default:
      return undefined;
  }
}
