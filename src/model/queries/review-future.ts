import type { Snapshot } from '../snapshot.ts';
import type { ActionRecord, ProjectRecord } from '../types.ts';
import { compareStarredThenName } from './collate.ts';

/** The weekly review's Future page: what was put off, to reconsider. */
export interface FutureReview {
  mode: 'future';
  /** Actions in state 'future': starred first, then by name. */
  actions: ActionRecord[];
  /** Projects in state 'someday': starred first, then by name. */
  projects: ProjectRecord[];
}

/** The future actions and someday projects. */
export function reviewFuture(snapshot: Snapshot): FutureReview {
  const actions: ActionRecord[] = [];
  const projects: ProjectRecord[] = [];
  for (const record of snapshot.records.values()) {
    if (record.kind === 'action' && record.state === 'future') actions.push(record);
    else if (record.kind === 'project' && record.state === 'someday') projects.push(record);
  }
  return { mode: 'future', actions: actions.sort(compareStarredThenName), projects: projects.sort(compareStarredThenName) };
}
