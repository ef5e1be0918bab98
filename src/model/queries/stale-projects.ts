import { addDays, compareDays, todayOf } from '../dates.ts';
import type { Snapshot } from '../snapshot.ts';
import type { Day, ProjectRecord } from '../types.ts';
import { compareByName } from './collate.ts';

/** How many days after its last review an active project counts as stale. */
export const STALE_AFTER_DAYS = 7;

/** An active project not reviewed for a while. */
export interface StaleProject {
  project: ProjectRecord;
  /** The day of its last review, or `undefined` when it has never been reviewed. */
  lastReviewed: Day | undefined;
}

/** The local day of an ISO timestamp, or `undefined` when it cannot be read. */
function dayOfTimestamp(stamp: string | undefined): Day | undefined {
  if (stamp === undefined) return undefined;
  const ms = Date.parse(stamp);
  return Number.isNaN(ms) ? undefined : todayOf(new Date(ms));
}

/**
 * Active projects whose last review (or, never reviewed, their creation; unknown: long ago) is more than
 * {@link STALE_AFTER_DAYS} days before `today`: the weekly review's "look at every project",
 * longest unreviewed first, then by name.
 */
export function staleProjects(snapshot: Snapshot, today: Day): StaleProject[] {
  const limit = addDays(today, -STALE_AFTER_DAYS);
  const out: Array<StaleProject & { since: Day }> = [];
  for (const record of snapshot.records.values()) {
    if (record.kind !== 'project' || record.state !== 'active') continue;
    const lastReviewed = dayOfTimestamp(record.reviewed);
    // Never reviewed and of unknown age: stale, listed first.
    const since = lastReviewed ?? dayOfTimestamp(record.created) ?? '0000-01-01';
    if (compareDays(since, limit) < 0) out.push({ project: record, lastReviewed, since });
  }
  out.sort((a, b) => compareDays(a.since, b.since) || compareByName(a.project, b.project));
  return out.map(({ project, lastReviewed }) => ({ project, lastReviewed }));
}
