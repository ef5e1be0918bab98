/**
 * The Work view's groups as a flat sequence of lines (a context's heading, a project's heading,
 * an action), and which lines a window onto that sequence draws. A long Work view draws only
 * the lines near the screen (work-groups.tsx); this is its arithmetic. Pure.
 */
import type { WorkContextGroup, WorkProjectGroup } from '../../../model/index.ts';

/** One line of the Work view's groups, by the indices of its context, project and action. */
export type WorkLine =
  | { kind: 'context'; context: number }
  | { kind: 'project'; context: number; project: number }
  | { kind: 'action'; context: number; project: number; action: number };

/** The lines of `groups`, in the order the page shows them. */
export function workLines(groups: readonly WorkContextGroup[]): WorkLine[] {
  const lines: WorkLine[] = [];
  groups.forEach((group, context) => {
    lines.push({ kind: 'context', context });
    group.projects.forEach((projectGroup, project) => {
      lines.push({ kind: 'project', context, project });
      for (let action = 0; action < projectGroup.actions.length; action++) lines.push({ kind: 'action', context, project, action });
    });
  });
  return lines;
}

/** A context's heading line as its section's `data-work-line` names it (work-groups.tsx finds the focused line by it). */
export function contextLineKey(group: WorkContextGroup): string {
  return `context:${group.context?.id ?? ''}`;
}

/** A project's heading line within a context, as its section's `data-work-line` names it. */
export function projectLineKey(group: WorkContextGroup, project: WorkProjectGroup): string {
  return `project:${group.context?.id ?? ''}:${project.project?.id ?? ''}`;
}

/** Each line's index by its key: a heading's line key, an action's id (its row's `data-row-id`). */
export function lineIndexByKey(groups: readonly WorkContextGroup[], lines: readonly WorkLine[]): Map<string, number> {
  const index = new Map<string, number>();
  lines.forEach((line, at) => {
    const group = groups[line.context] as WorkContextGroup;
    if (line.kind === 'context') index.set(contextLineKey(group), at);
    else {
      const project = group.projects[line.project] as WorkProjectGroup;
      index.set(line.kind === 'project' ? projectLineKey(group, project) : (project.actions[line.action]?.id ?? ''), at);
    }
  });
  return index;
}

/** A project group as a window draws it: its heading and its actions `from` (inclusive) to `to`. */
export interface ProjectSlice {
  project: WorkProjectGroup;
  from: number;
  to: number;
}

/** A context group as a window draws it: its heading and the parts of its projects in the window. */
export interface ContextSlice {
  group: WorkContextGroup;
  projects: ProjectSlice[];
}

/** What a window draws, and how many lines it leaves out above and below. */
export interface WindowSlice {
  contexts: ContextSlice[];
  /**
   * Lines above the window that it does not draw. A window that begins inside a group draws
   * that group's headings again at its top: they are not counted here, so the lines the window
   * draws sit where they would in the whole list.
   */
  linesBefore: number;
  linesAfter: number;
  /** Lines the window draws, the repeated headings included. */
  linesDrawn: number;
}

/** The groups' lines `start` (inclusive) to `end`, with the headings of the groups they are in. */
export function sliceLines(groups: readonly WorkContextGroup[], lines: readonly WorkLine[], start: number, end: number): WindowSlice {
  const from = Math.max(0, Math.min(start, lines.length));
  const to = Math.max(from, Math.min(end, lines.length));
  const contexts: ContextSlice[] = [];
  let repeated = 0;
  for (let at = from; at < to; at++) {
    const line = lines[at] as WorkLine;
    let context = contexts.at(-1);
    if (context === undefined || context.group !== groups[line.context]) {
      context = { group: groups[line.context] as WorkContextGroup, projects: [] };
      contexts.push(context);
      if (line.kind !== 'context') repeated++;
    }
    if (line.kind === 'context') continue;
    let project = context.projects.at(-1);
    const projectGroup = context.group.projects[line.project] as WorkProjectGroup;
    if (project === undefined || project.project !== projectGroup) {
      const first = line.kind === 'action' ? line.action : 0;
      project = { project: projectGroup, from: first, to: first };
      context.projects.push(project);
      if (line.kind === 'action') repeated++;
    }
    if (line.kind === 'action') project.to = line.action + 1;
  }
  return { contexts, linesBefore: from - repeated, linesAfter: lines.length - to, linesDrawn: to - from + repeated };
}

/** How a window follows the screen. */
export const WINDOW = {
  /** Lines drawn beyond each edge of the screen, in screens: room for the keys and a quick scroll. */
  overscanScreens: 1,
  /** The window's ends move in steps of this many lines, so scrolling re-renders every few rows. */
  stepLines: 16,
  /** A focused line stays drawn while the window is at most this many lines away from it. */
  keepFocusedLines: 500,
} as const;

/**
 * The lines to draw, `start` to `end`, for a list whose top is `listTop` px from the top of a
 * screen `screenPx` high, its lines about `linePx` high; `focused` (a line index) stays drawn
 * with its neighbours while it is near. A list below or above the screen draws its first or last step of lines.
 */
export function windowRange(listTop: number, screenPx: number, linePx: number, count: number, focused?: number): { start: number; end: number } {
  const { overscanScreens, stepLines, keepFocusedLines } = WINDOW;
  const top = (-listTop - screenPx * overscanScreens) / linePx;
  const bottom = (-listTop + screenPx * (1 + overscanScreens)) / linePx;
  let start = Math.min(Math.max(0, Math.floor(top / stepLines) * stepLines), Math.max(0, count - stepLines));
  let end = Math.max(Math.min(count, Math.ceil(bottom / stepLines) * stepLines), Math.min(count, start + stepLines));
  if (focused !== undefined && focused >= 0 && focused < count && focused >= start - keepFocusedLines && focused < end + keepFocusedLines) {
    // A step of lines either side of it too: the row keys move to the neighbour drawn beside it.
    start = Math.max(0, Math.min(start, focused - stepLines));
    end = Math.min(count, Math.max(end, focused + stepLines + 1));
  }
  return { start, end };
}
