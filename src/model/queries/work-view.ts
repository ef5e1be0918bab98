import { isDue } from '../due.ts';
import type { Snapshot } from '../snapshot.ts';
import type { ActionRecord, ContextRecord, Day, ProjectRecord } from '../types.ts';
import { compareByName, compareStarredThenName } from './collate.ts';
import { latestCompleted } from './completed.ts';
import { buildTreeIndex, idsBelow, nearestAbove } from './tree-index.ts';

/** How many done actions {@link workView} lists under `recentlyCompleted`. */
export const RECENTLY_COMPLETED_LIMIT = 10;

/** Options of {@link workView}. */
export interface WorkViewOptions {
  /** Only actions inside this area, at any depth. */
  area?: string;
}

/** The actions of one project (or of none) within a context group. */
export interface WorkProjectGroup {
  /** `undefined`: the "No project" group. */
  project: ProjectRecord | undefined;
  name: string;
  actions: ActionRecord[];
}

/** The actions of one context (or of none), by project. */
export interface WorkContextGroup {
  /** `undefined`: the "No context" group. */
  context: ContextRecord | undefined;
  name: string;
  projects: WorkProjectGroup[];
  /** How many actions the group holds. */
  count: number;
}

/** What the Work view shows. */
export interface WorkView {
  contexts: WorkContextGroup[];
  /** Done actions, most recently completed first, at most {@link RECENTLY_COMPLETED_LIMIT}. */
  recentlyCompleted: ActionRecord[];
}

/** Name of the group of actions without a context. */
export const NO_CONTEXT = 'No context';
/** Name of the group of actions in no project. */
export const NO_PROJECT = 'No project';

/**
 * The Work view: the actions to do now (state 'next', and scheduled actions due `today` or
 * earlier) grouped by context, contexts by name with "No context" last, then by the nearest
 * project above the action, projects by name with "No project" last; actions starred first,
 * then by name; a context with nothing to do now is not listed. A context link to a missing
 * record (or to one that is not a context) counts as no context. With `area`, only
 * actions inside that area (or any item) at any depth are listed, `recentlyCompleted` included.
 */
export function workView(snapshot: Snapshot, today: Day, options: WorkViewOptions = {}): WorkView {
  const index = buildTreeIndex(snapshot);
  const inArea = options.area === undefined ? undefined : idsBelow(index, options.area);
  const projectOf = nearestAbove(index, (item) => item.kind === 'project');
  const contexts = new Map<ContextRecord | undefined, Map<ProjectRecord | undefined, ActionRecord[]>>();
  const done: ActionRecord[] = [];
  for (const item of index.items) {
    if (item.kind !== 'action' || (inArea && !inArea.has(item.id))) continue;
    if (item.state === 'done') done.push(item);
    if (item.state !== 'next' && !isDue(item, today)) continue;
    const linked = item.context === undefined ? undefined : snapshot.records.get(item.context);
    const context = linked?.kind === 'context' ? linked : undefined;
    const projects = contexts.get(context) ?? new Map<ProjectRecord | undefined, ActionRecord[]>();
    contexts.set(context, projects);
    const project = projectOf.get(item.id) as ProjectRecord | undefined;
    const actions = projects.get(project) ?? [];
    projects.set(project, actions);
    actions.push(item);
  }
  const groups = [...contexts].map(([context, projects]) => contextGroup(context, projects));
  groups.sort((a, b) => recordsLast(a.context, b.context));
  return { contexts: groups, recentlyCompleted: latestCompleted(done, RECENTLY_COMPLETED_LIMIT) };
}

function contextGroup(context: ContextRecord | undefined, byProject: Map<ProjectRecord | undefined, ActionRecord[]>): WorkContextGroup {
  const projects: WorkProjectGroup[] = [];
  let count = 0;
  for (const [project, actions] of byProject) {
    projects.push({ project, name: project?.name ?? NO_PROJECT, actions: actions.sort(compareStarredThenName) });
    count += actions.length;
  }
  projects.sort((a, b) => recordsLast(a.project, b.project));
  return { context, name: context?.name ?? NO_CONTEXT, projects, count };
}

/** Orders by the record's name, a missing record (the "No context" or "No project" group) last. */
function recordsLast(a: { id: string; name: string } | undefined, b: { id: string; name: string } | undefined): number {
  if (a === undefined || b === undefined) return Number(a === undefined) - Number(b === undefined);
  return compareByName(a, b);
}
