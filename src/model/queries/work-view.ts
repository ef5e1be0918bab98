import { isDue } from '../due.ts';
import type { Snapshot } from '../snapshot.ts';
import type { ActionRecord, ContextRecord, Day, ItemRecord, ProjectRecord } from '../types.ts';
import { compareByName, compareStarredThenName } from './collate.ts';
import { latestCompleted } from './completed.ts';
import { pastDeadlines, type DeadlineEntry } from './deadlines.ts';
import { buildTreeIndex, nearestAbove } from './tree-index.ts';

/** How many done actions {@link workView} lists under `recentlyCompleted`. */
const RECENTLY_COMPLETED_LIMIT = 10;

/** Options of {@link workView}. */
export interface WorkViewOptions {
  /**
   * Areas switched off: their next actions (at any depth) are not listed; what is due in them
   * (a scheduled day come, a deadline reached) still is.
   */
  hiddenAreas?: ReadonlySet<string>;
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
  /** Open items whose deadline is today or past, earliest first: listed before everything else. */
  deadlines: DeadlineEntry[];
  contexts: WorkContextGroup[];
  /** Done actions, most recently completed first, at most {@link RECENTLY_COMPLETED_LIMIT}. */
  recentlyCompleted: ActionRecord[];
}

/** Name of the group of actions without a context. */
export const NO_CONTEXT = 'No context';
/** Name of the group of actions in no project. */
export const NO_PROJECT = 'No project';

/**
 * The Work view, after CueKeeper's `make_work_tree` (lib/ck_model.ml):
 * - first, every open item whose deadline is today or past ({@link pastDeadlines});
 * - then the actions to do now, grouped by context (by name, "No context" last), then by the
 *   nearest project above (by name, "No project" last), starred first, then by name: next
 *   actions, except inside a someday project or a switched-off area, and scheduled actions
 *   whose day has come, wherever they are;
 * - nothing inside a done project;
 * - the recently completed (not those in switched-off areas).
 * A context link to a missing record (or one that is not a context) counts as no context.
 */
export function workView(snapshot: Snapshot, today: Day, options: WorkViewOptions = {}): WorkView {
  const index = buildTreeIndex(snapshot);
  const hidden = options.hiddenAreas ?? new Set<string>();
  const projectOf = nearestAbove(index, (item) => item.kind === 'project');
  const doneAbove = nearestAbove(index, (item) => item.kind === 'project' && item.state === 'done');
  const somedayAbove = nearestAbove(index, (item) => item.kind === 'project' && item.state === 'someday');
  const hiddenAbove = nearestAbove(index, (item) => hidden.has(item.id));
  const deadlines = pastDeadlines(index, today);
  const listed = new Set(deadlines.map((entry) => entry.record.id));
  const contexts = new Map<ContextRecord | undefined, Map<ProjectRecord | undefined, ActionRecord[]>>();
  const done: ActionRecord[] = [];
  for (const item of index.items) {
    if (item.kind !== 'action' || doneAbove.get(item.id) || listed.has(item.id)) continue;
    const isHidden = hiddenAbove.get(item.id) !== undefined;
    if (item.state === 'done' && !isHidden) done.push(item);
    const doNow = (item.state === 'next' && !isHidden && !somedayAbove.get(item.id)) || isDue(item, today);
    if (!doNow) continue;
    const linked = item.context === undefined ? undefined : snapshot.records.get(item.context);
    const context = linked?.kind === 'context' ? linked : undefined;
    const projects = contexts.get(context) ?? new Map<ProjectRecord | undefined, ActionRecord[]>();
    contexts.set(context, projects);
    const project = asProject(projectOf.get(item.id));
    const actions = projects.get(project) ?? [];
    projects.set(project, actions);
    actions.push(item);
  }
  const groups = [...contexts].map(([context, projects]) => contextGroup(context, projects));
  groups.sort((a, b) => recordsLast(a.context, b.context));
  return { deadlines, contexts: groups, recentlyCompleted: latestCompleted(done, RECENTLY_COMPLETED_LIMIT) };
}

function asProject(item: ItemRecord | undefined): ProjectRecord | undefined {
  return item?.kind === 'project' ? item : undefined;
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
