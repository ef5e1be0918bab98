import type { Snapshot } from '../snapshot.ts';
import type { ActionRecord, ProjectRecord } from '../types.ts';
import { groupByParent, type ParentGroup } from './parent-groups.ts';
import { buildTreeIndex } from './tree-index.ts';

/** The weekly review's Future page: what was put off, to reconsider. */
export interface FutureReview {
  mode: 'future';
  /** Actions in state 'future', by parent. */
  actions: ParentGroup<ActionRecord>[];
  /** Projects in state 'someday', by parent. */
  projects: ParentGroup<ProjectRecord>[];
}

/**
 * The future actions and someday projects, each by parent, as CueKeeper's `make_future_tree`
 * (lib/ck_model.ml) builds them; what is inside a someday project is reviewed with it.
 */
export function reviewFuture(snapshot: Snapshot): FutureReview {
  const index = buildTreeIndex(snapshot);
  const actions: ActionRecord[] = [];
  const projects: ProjectRecord[] = [];
  for (const record of index.items) {
    if (record.kind === 'action' && record.state === 'future') actions.push(record);
    else if (record.kind === 'project' && record.state === 'someday') projects.push(record);
  }
  return { mode: 'future', actions: groupByParent(index, actions), projects: groupByParent(index, projects) };
}
