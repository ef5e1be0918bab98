import { isItem, type Edit, type Snapshot } from '../snapshot.ts';
import type { ItemRecord } from '../types.ts';

/**
 * The items {@link deleteDoneItems} removes: done actions and done projects whose every item
 * inside is removed too (so nothing open is ever deleted or left without its parent, even in
 * a tree a merge left odd, such as an action holding items).
 */
export function doneItemsToDelete(snapshot: Snapshot): ItemRecord[] {
  const children = new Map<string, ItemRecord[]>();
  for (const record of snapshot.records.values()) {
    if (!isItem(record) || record.parent === undefined) continue;
    const list = children.get(record.parent);
    if (list) list.push(record);
    else children.set(record.parent, [record]);
  }
  const verdict = new Map<string, boolean>();
  const deletable = (item: ItemRecord): boolean => {
    const known = verdict.get(item.id);
    if (known !== undefined) return known;
    verdict.set(item.id, false); // a cycle a merge made keeps its items
    const ok = item.kind !== 'area' && item.state === 'done' && (children.get(item.id) ?? []).every(deletable);
    verdict.set(item.id, ok);
    return ok;
  };
  const out: ItemRecord[] = [];
  for (const record of snapshot.records.values()) if (isItem(record) && deletable(record)) out.push(record);
  return out;
}

/**
 * Clears away finished work in one commit, "Delete done items": done actions and done projects
 * with nothing open inside (see {@link doneItemsToDelete}). Nothing to delete: no changes.
 */
export function deleteDoneItems(snapshot: Snapshot): Edit {
  const changes = doneItemsToDelete(snapshot).map(({ kind, id }) => ({ remove: { kind, id } }));
  return { changes, message: 'Delete done items' };
}
