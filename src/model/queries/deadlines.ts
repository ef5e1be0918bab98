import { compareDays } from '../dates.ts';
import type { ActionRecord, Day, ProjectRecord } from '../types.ts';
import { compareStarredThenName } from './collate.ts';
import { nearestAbove, type TreeIndex } from './tree-index.ts';

/** An open action or project with a deadline. */
export interface DeadlineEntry {
  record: ActionRecord | ProjectRecord;
  deadline: Day;
  /** The deadline is before today. */
  overdue: boolean;
}

/**
 * Every open action and project with a deadline, earliest first (then starred, then by name):
 * not done, and not inside a done project. Deadlines are the person's commitments, so no
 * someday project or switched-off area hides them.
 */
export function openDeadlines(index: TreeIndex, today: Day): DeadlineEntry[] {
  const doneAbove = nearestAbove(index, (item) => item.kind === 'project' && item.state === 'done');
  const out: DeadlineEntry[] = [];
  for (const item of index.items) {
    if (item.kind === 'area' || item.deadline === undefined || item.state === 'done' || doneAbove.get(item.id)) continue;
    out.push({ record: item, deadline: item.deadline, overdue: compareDays(item.deadline, today) < 0 });
  }
  return out.sort((a, b) => compareDays(a.deadline, b.deadline) || compareStarredThenName(a.record, b.record));
}

/** The open deadlines that have come: today's and the overdue (see {@link openDeadlines}). */
export function pastDeadlines(index: TreeIndex, today: Day): DeadlineEntry[] {
  return openDeadlines(index, today).filter((entry) => compareDays(entry.deadline, today) <= 0);
}
