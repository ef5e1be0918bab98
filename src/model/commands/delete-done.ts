import { childrenByParent, isItem, type Edit, type Snapshot } from '../snapshot.ts';
import type { ItemRecord } from '../types.ts';

/**
 * The items {@link deleteDoneItems} removes: done actions and done projects whose every item
 * inside is removed too (so nothing open is ever deleted or left without its parent, even in
 * a tree a merge left odd, such as an action holding items).
 */
export function doneItemsToDelete(snapshot: Snapshot): ItemRecord[] {
  const children = childrenByParent(snapshot);
  // Post-order over an explicit stack: trees a merge made can nest thousands deep.
  const verdict = new Map<string, boolean>();
  const selfDone = (item: ItemRecord): boolean => item.kind !== 'area' && item.state === 'done';
  const deletable = (root: ItemRecord): boolean => {
    const known = verdict.get(root.id);
    if (known !== undefined) return known;
    verdict.set(root.id, false); // in progress: a cycle a merge made keeps its items
    const stack = [{ item: root, next: 0, ok: selfDone(root) }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as (typeof stack)[number];
      const kids = children.get(frame.item.id) ?? [];
      if (frame.ok && frame.next < kids.length) {
        const kid = kids[frame.next++] as ItemRecord;
        const seen = verdict.get(kid.id);
        if (seen === undefined) {
          verdict.set(kid.id, false);
          stack.push({ item: kid, next: 0, ok: selfDone(kid) });
        } else if (!seen) frame.ok = false;
        continue;
      }
      stack.pop();
      verdict.set(frame.item.id, frame.ok);
      const parent = stack[stack.length - 1];
      if (parent && !frame.ok) parent.ok = false;
    }
    return verdict.get(root.id) === true;
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
