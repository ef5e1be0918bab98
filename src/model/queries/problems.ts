import type { Snapshot } from '../snapshot.ts';
import { compareNames } from './collate.ts';
import { conflictProblems, malformedProblems } from './problem-conflicts.ts';
import { linkProblems } from './problem-links.ts';
import { projectProblems } from './problem-projects.ts';
import type { Problem, ProblemKind } from './problem.ts';
import { buildTreeIndex } from './tree-index.ts';

/** The order kinds are listed in: what breaks reading first, what needs a decision last. */
const KIND_ORDER: readonly ProblemKind[] = [
  'malformed',
  'conflict',
  'parent-cycle',
  'dangling-link',
  'misplaced',
  'done-project-open',
  'no-next-action',
];

/**
 * Everything in the snapshot that needs the person's attention, in words: files that could
 * not be read, merge-conflict notes, broken links and placements, cycles, active projects
 * with nothing in progress, done projects with something open inside. Never throws, whatever
 * a merge left behind. Ordered by kind (unreadable files first, projects to decide on last),
 * then by message.
 *
 * @example
 * problems(snapshot);
 * // [{ kind: 'no-next-action', id, path: 'items/3f/….json', message: 'Project “Taxes” has no next action.' }]
 */
export function problems(snapshot: Snapshot): Problem[] {
  const index = buildTreeIndex(snapshot);
  const all = [...malformedProblems(snapshot), ...conflictProblems(snapshot), ...linkProblems(snapshot, index), ...projectProblems(index)];
  const rank = (problem: Problem): number => KIND_ORDER.indexOf(problem.kind);
  return all.sort((a, b) => rank(a) - rank(b) || compareNames(a.message, b.message) || compareNames(a.id ?? a.path ?? '', b.id ?? b.path ?? ''));
}
