import type { ItemRecord } from '../types.ts';
import { compareByName, compareStarredThenName } from './collate.ts';
import type { TreeIndex } from './tree-index.ts';

/** Records that share a parent (`undefined`: the top level), as review pages group them. */
export interface ParentGroup<R extends ItemRecord = ItemRecord> {
  parent: ItemRecord | undefined;
  records: R[];
}

/**
 * `records` grouped by the parent the tree shows them under: the top level first, then each
 * parent by name (CueKeeper lists items before groups); within a group by `order` (default
 * starred first, then by name).
 */
export function groupByParent<R extends ItemRecord>(index: TreeIndex, records: readonly R[], order: (a: R, b: R) => number = compareStarredThenName): ParentGroup<R>[] {
  const groups = new Map<string | undefined, ParentGroup<R>>();
  for (const record of records) {
    const parent = index.parentOf.get(record.id);
    const group = groups.get(parent?.id) ?? { parent, records: [] };
    groups.set(parent?.id, group);
    group.records.push(record);
  }
  const list = [...groups.values()].sort((a, b) => (a.parent === undefined || b.parent === undefined ? Number(a.parent !== undefined) - Number(b.parent !== undefined) : compareByName(a.parent, b.parent)));
  for (const group of list) group.records.sort(order);
  return list;
}
