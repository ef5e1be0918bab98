import { doneItemsToDelete } from '../commands/delete-done.ts';
import type { Snapshot } from '../snapshot.ts';
import type { ActionRecord, ProjectRecord } from '../types.ts';
import { compareByName } from './collate.ts';
import { completedTime } from './completed.ts';
import { groupByParent, type ParentGroup } from './parent-groups.ts';
import { buildTreeIndex } from './tree-index.ts';

/** The weekly review's Done page. */
export interface DoneReview {
  mode: 'done';
  /** Done actions and projects by parent, each group most recently completed first. */
  groups: ParentGroup<ActionRecord | ProjectRecord>[];
  /** How many are done in all. */
  count: number;
  /** How many items "Delete done items" would remove (see `doneItemsToDelete`). */
  deletableCount: number;
}

/**
 * The done actions and projects by parent, as CueKeeper's `make_done_tree` (lib/ck_model.ml)
 * shows them under their parents, and how many of them can be cleared away.
 */
export function reviewDone(snapshot: Snapshot): DoneReview {
  const index = buildTreeIndex(snapshot);
  const done: Array<ActionRecord | ProjectRecord> = [];
  for (const record of index.items) if (record.kind !== 'area' && record.state === 'done') done.push(record);
  const order = (a: ActionRecord | ProjectRecord, b: ActionRecord | ProjectRecord): number => completedTime(b) - completedTime(a) || compareByName(a, b);
  return { mode: 'done', groups: groupByParent(index, done, order), count: done.length, deletableCount: doneItemsToDelete(snapshot).length };
}
