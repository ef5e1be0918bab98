import type { Snapshot } from '../snapshot.ts';
import type { AreaRecord, ProjectRecord } from '../types.ts';
import { compareStarredThenName } from './collate.ts';
import { buildTreeIndex, nearestAbove, type TreeIndex } from './tree-index.ts';

/** What one area of the Areas review holds. */
export interface AreaCounts {
  activeProjects: number;
  somedayProjects: number;
  doneProjects: number;
  /** Actions not done. */
  openActions: number;
}

/** One area of the Areas review (or the "No area" entry). */
export interface AreaReviewEntry {
  /** `undefined`: the "No area" entry, for projects and actions in no area. */
  area: AreaRecord | undefined;
  name: string;
  /** 0 for a top-level area, 1 for its sub-areas, and so on. */
  depth: number;
  /** The projects whose nearest area this is (inside its projects too): starred first, then by name. */
  projects: ProjectRecord[];
  counts: AreaCounts;
}

/** The weekly review's Areas page. */
export interface AreasReview {
  mode: 'areas';
  areas: AreaReviewEntry[];
}

const PROJECT_COUNT = { active: 'activeProjects', someday: 'somedayProjects', done: 'doneProjects' } as const;

/** Name of the entry for projects and actions in no area. */
export const NO_AREA = 'No area';

/**
 * Every area, in tree order (each followed by its sub-areas; siblings starred first, then by
 * name), with the projects and actions whose nearest area it is, counted by state. Last, a
 * "No area" entry when some project or action is in no area.
 */
export function reviewAreas(snapshot: Snapshot): AreasReview {
  const index = buildTreeIndex(snapshot);
  const areaOf = nearestAbove(index, (item) => item.kind === 'area');
  const entries = new Map<AreaRecord | undefined, AreaReviewEntry>();
  const entryOf = (area: AreaRecord | undefined, depth: number): AreaReviewEntry => {
    const counts = { activeProjects: 0, somedayProjects: 0, doneProjects: 0, openActions: 0 };
    return { area, name: area?.name ?? NO_AREA, depth, projects: [], counts };
  };
  const stack = [...areasUnder(index, undefined)].reverse().map((area) => ({ area, depth: 0 }));
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    entries.set(top.area, entryOf(top.area, top.depth));
    for (const area of [...areasUnder(index, top.area.id)].reverse()) stack.push({ area, depth: top.depth + 1 });
  }
  for (const item of index.items) {
    if (item.kind === 'area' || (item.kind === 'action' && item.state === 'done')) continue;
    const area = areaOf.get(item.id) as AreaRecord | undefined;
    const entry = entries.get(area) ?? entryOf(undefined, 0);
    entries.set(area, entry);
    if (item.kind === 'action') entry.counts.openActions++;
    else {
      entry.projects.push(item);
      entry.counts[PROJECT_COUNT[item.state]]++;
    }
  }
  for (const entry of entries.values()) entry.projects.sort(compareStarredThenName);
  return { mode: 'areas', areas: [...entries.values()] };
}

function areasUnder(index: TreeIndex, id: string | undefined): AreaRecord[] {
  return index.childrenOf(id).filter((item): item is AreaRecord => item.kind === 'area').sort(compareStarredThenName);
}
