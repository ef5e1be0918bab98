import { doneItemsToDelete } from '../commands/delete-done.ts';
import type { Snapshot } from '../snapshot.ts';
import type { ActionRecord, ProjectRecord } from '../types.ts';
import { latestCompleted } from './completed.ts';

/** The weekly review's Done page. */
export interface DoneReview {
  mode: 'done';
  /** Done actions, most recently completed first. */
  actions: ActionRecord[];
  /** Done projects, most recently completed first. */
  projects: ProjectRecord[];
  /** How many items "Delete done items" would remove (see `doneItemsToDelete`). */
  deletableCount: number;
}

/** The done actions and projects, and how many of them can be cleared away. */
export function reviewDone(snapshot: Snapshot): DoneReview {
  const actions: ActionRecord[] = [];
  const projects: ProjectRecord[] = [];
  for (const record of snapshot.records.values()) {
    if (record.kind === 'action' && record.state === 'done') actions.push(record);
    else if (record.kind === 'project' && record.state === 'done') projects.push(record);
  }
  return {
    mode: 'done',
    actions: latestCompleted(actions),
    projects: latestCompleted(projects),
    deletableCount: doneItemsToDelete(snapshot).length,
  };
}
