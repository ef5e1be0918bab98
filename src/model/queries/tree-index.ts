import { canHold } from '../guards.ts';
import { isItem, type Snapshot } from '../snapshot.ts';
import type { ItemRecord } from '../types.ts';

/**
 * The tree of areas, projects and actions as the views show it, built once per query in
 * O(n). Records a merge or a hand edit broke still find a place: an item whose parent is
 * missing, cannot hold it (an area in a project, anything in an action), or that lies on a
 * cycle of parents, sits at the top level. So every item appears exactly once, and walking
 * down from the top level always ends.
 */
export interface TreeIndex {
  /** Every area, project and action, in the snapshot's order. */
  readonly items: readonly ItemRecord[];
  /** The parent each item is shown under (`undefined`: the top level). */
  readonly parentOf: ReadonlyMap<string, ItemRecord | undefined>;
  /** Items ordered parents before children (breadth first from the top level). */
  readonly topDown: readonly ItemRecord[];
  /** Ids of the items whose chain of `parent` links comes back to themselves. */
  readonly onCycle: ReadonlySet<string>;
  /** The items shown directly under `id` (`undefined`: the top level), in no set order. */
  childrenOf(id: string | undefined): readonly ItemRecord[];
}

const NONE: readonly ItemRecord[] = [];

/**
 * The indexes built so far, by the records they were built from. A snapshot is immutable, and
 * each view queries the same one several times (the Work view, its area filter, the problem
 * count: three indexes of 100,000 items at every commit and at a cold start without this).
 */
const built = new WeakMap<Snapshot['records'], TreeIndex>();

/** The {@link TreeIndex} of a snapshot, built once per snapshot's records. */
export function buildTreeIndex(snapshot: Snapshot): TreeIndex {
  const known = built.get(snapshot.records);
  if (known) return known;
  const index = indexTree(snapshot);
  built.set(snapshot.records, index);
  return index;
}

function indexTree(snapshot: Snapshot): TreeIndex {
  const items: ItemRecord[] = [];
  for (const record of snapshot.records.values()) if (isItem(record)) items.push(record);
  const onCycle = findCycles(snapshot, items);
  const parentOf = new Map<string, ItemRecord | undefined>();
  const children = new Map<string | undefined, ItemRecord[]>();
  for (const item of items) {
    const parent = onCycle.has(item.id) ? undefined : linkedParent(snapshot, item);
    const shown = parent !== undefined && canHold(parent.kind, item.kind) ? parent : undefined;
    parentOf.set(item.id, shown);
    const list = children.get(shown?.id);
    if (list) list.push(item);
    else children.set(shown?.id, [item]);
  }
  const childrenOf = (id: string | undefined): readonly ItemRecord[] => children.get(id) ?? NONE;
  const topDown: ItemRecord[] = [...childrenOf(undefined)];
  for (let i = 0; i < topDown.length; i++) for (const child of childrenOf((topDown[i] as ItemRecord).id)) topDown.push(child);
  return { items, parentOf, topDown, onCycle, childrenOf };
}

/** The item `item.parent` names, when it names an item. */
export function linkedParent(snapshot: Snapshot, item: ItemRecord): ItemRecord | undefined {
  if (item.parent === undefined) return undefined;
  const parent = snapshot.records.get(item.parent);
  return isItem(parent) ? parent : undefined;
}

/**
 * The items on cycles of `parent` links. Each item has at most one parent, so following the
 * links from any item either ends or enters exactly one cycle; each item is walked once.
 */
function findCycles(snapshot: Snapshot, items: readonly ItemRecord[]): Set<string> {
  const state = new Map<string, 'walking' | 'done'>();
  const onCycle = new Set<string>();
  for (const start of items) {
    const path: string[] = [];
    let current: ItemRecord | undefined = start;
    while (current !== undefined && !state.has(current.id)) {
      state.set(current.id, 'walking');
      path.push(current.id);
      current = linkedParent(snapshot, current);
    }
    if (current !== undefined && state.get(current.id) === 'walking') {
      for (let i = path.lastIndexOf(current.id); i < path.length; i++) onCycle.add(path[i] as string);
    }
    for (const id of path) state.set(id, 'done');
  }
  return onCycle;
}

/**
 * For every item, the nearest item above it (not itself) that `accept` takes, following the
 * tree of `index`; `undefined` when none. O(n): each item's answer is built from its parent's.
 */
export function nearestAbove(index: TreeIndex, accept: (item: ItemRecord) => boolean): Map<string, ItemRecord | undefined> {
  const nearest = new Map<string, ItemRecord | undefined>();
  for (const item of index.topDown) {
    const parent = index.parentOf.get(item.id);
    nearest.set(item.id, parent === undefined ? undefined : accept(parent) ? parent : nearest.get(parent.id));
  }
  return nearest;
}
