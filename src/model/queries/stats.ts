import type { Snapshot } from '../snapshot.ts';
import type { ActionState, ProjectState } from '../types.ts';

/** How many records of each kind, and of each state. */
export interface StateCounts {
  actions: Record<ActionState, number>;
  projects: Record<ProjectState, number>;
  areas: number;
  contacts: number;
  contexts: number;
  /** Files that could not be read. */
  malformed: number;
}

/**
 * Counts the records by kind, and actions and projects by state (for badges: "Inbox 3",
 * "Next 12"). A state the app does not know (a newer version's) is not counted.
 */
export function countByState(snapshot: Snapshot): StateCounts {
  const counts: StateCounts = {
    actions: { inbox: 0, next: 0, waiting: 0, 'waiting-for-contact': 0, scheduled: 0, future: 0, done: 0 },
    projects: { active: 0, someday: 0, done: 0 },
    areas: 0,
    contacts: 0,
    contexts: 0,
    malformed: snapshot.malformed.length,
  };
  for (const record of snapshot.records.values()) {
    if (record.kind === 'action') {
      if (Object.hasOwn(counts.actions, record.state)) counts.actions[record.state]++;
    } else if (record.kind === 'project') {
      if (Object.hasOwn(counts.projects, record.state)) counts.projects[record.state]++;
    } else if (record.kind === 'area') counts.areas++;
    else if (record.kind === 'contact') counts.contacts++;
    else counts.contexts++;
  }
  return counts;
}
