import { nameList } from '../record-name.ts';
import type { ActionRecord, ItemRecord, ProjectRecord } from '../types.ts';
import { compareByName } from './collate.ts';
import { labelOf, recordProblem, type Problem } from './problem.ts';
import type { TreeIndex } from './tree-index.ts';

/**
 * True for an action that shows a project is moving: something to do next, or something it
 * waits on (a reason, a contact or a day, however far ahead). A future, done or unprocessed
 * (inbox) action is not progress. CueKeeper lib/ck_rev.ml, `check_for_problems`: `Next`,
 * `Waiting`, `Waiting_for_contact` and `Waiting_until` are `In_progress`.
 */
function isProgress(action: ActionRecord): boolean {
  return action.state === 'next' || action.state === 'waiting' || action.state === 'waiting-for-contact' || action.state === 'scheduled';
}

/**
 * Active projects with nothing in progress ('no-next-action'), and done projects with
 * something directly inside not done ('done-project-open'). A project is in progress when an
 * action inside it is ({@link isProgress}), or an active sub-project inside it is; a someday
 * or done sub-project is not progress (CueKeeper lib/ck_rev.ml, `check_for_problems`:
 * `SomedayMaybe | Done` projects are `Idle`). Areas pass their children's progress up.
 */
export function projectProblems(index: TreeIndex): Problem[] {
  const inProgress = new Set<string>();
  const open = new Map<string, ItemRecord[]>();
  for (let i = index.topDown.length - 1; i >= 0; i--) {
    const item = index.topDown[i] as ItemRecord;
    const parent = index.parentOf.get(item.id);
    if (parent === undefined) continue;
    if (passesProgressUp(item, inProgress)) inProgress.add(parent.id);
    if (parent.kind === 'project' && parent.state === 'done' && item.kind !== 'area' && item.state !== 'done') {
      const list = open.get(parent.id);
      if (list) list.push(item);
      else open.set(parent.id, [item]);
    }
  }
  const out: Problem[] = [];
  for (const item of index.items) {
    if (item.kind !== 'project') continue;
    if (item.state === 'active' && !inProgress.has(item.id)) out.push(recordProblem('no-next-action', item, `${labelOf(item)} has no next action.`));
    const inside = open.get(item.id);
    if (inside) out.push(doneButOpen(item, inside.sort(compareByName)));
  }
  return out;
}

/** True when `item` makes the item above it in progress. */
function passesProgressUp(item: ItemRecord, inProgress: ReadonlySet<string>): boolean {
  if (item.kind === 'action') return isProgress(item);
  if (item.kind === 'project' && item.state !== 'active') return false;
  return inProgress.has(item.id);
}

function doneButOpen(project: ProjectRecord, inside: ItemRecord[]): Problem {
  const verb = inside.length === 1 ? 'is' : 'are';
  return recordProblem('done-project-open', project, `${labelOf(project)} is done, but ${nameList(inside)} inside it ${verb} not.`);
}
