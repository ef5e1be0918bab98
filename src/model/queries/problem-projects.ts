import { isDue } from '../due.ts';
import { nameList } from '../record-name.ts';
import type { ActionRecord, Day, ItemRecord, ProjectRecord } from '../types.ts';
import { compareByName } from './collate.ts';
import { labelOf, recordProblem, type Problem } from './problem.ts';
import type { TreeIndex } from './tree-index.ts';

/**
 * Active projects with nothing to do next ('no-next-action'): no action inside them, at any
 * depth (through sub-projects of any state), is 'next' or scheduled and due by `today`.
 * Without `today` every scheduled action counts, so no project is flagged for a date the
 * caller did not give. And done projects with something directly inside not done
 * ('done-project-open').
 */
export function projectProblems(index: TreeIndex, today: Day | undefined): Problem[] {
  const doable = (action: ActionRecord): boolean =>
    action.state === 'next' || (today === undefined ? action.state === 'scheduled' : isDue(action, today));
  const hasNext = new Set<string>();
  const open = new Map<string, ItemRecord[]>();
  for (let i = index.topDown.length - 1; i >= 0; i--) {
    const item = index.topDown[i] as ItemRecord;
    const parent = index.parentOf.get(item.id);
    if (parent === undefined) continue;
    if (hasNext.has(item.id) || (item.kind === 'action' && doable(item))) hasNext.add(parent.id);
    if (parent.kind === 'project' && parent.state === 'done' && item.kind !== 'area' && item.state !== 'done') {
      const list = open.get(parent.id);
      if (list) list.push(item);
      else open.set(parent.id, [item]);
    }
  }
  const out: Problem[] = [];
  for (const item of index.items) {
    if (item.kind !== 'project') continue;
    if (item.state === 'active' && !hasNext.has(item.id)) out.push(recordProblem('no-next-action', item, `${labelOf(item)} has no next action.`));
    const inside = open.get(item.id);
    if (inside) out.push(doneButOpen(item, inside.sort(compareByName)));
  }
  return out;
}

function doneButOpen(project: ProjectRecord, inside: ItemRecord[]): Problem {
  const verb = inside.length === 1 ? 'is' : 'are';
  return recordProblem('done-project-open', project, `${labelOf(project)} is done, but ${nameList(inside)} inside it ${verb} not.`);
}
