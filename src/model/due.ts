import { compareDays } from './dates.ts';
import type { Snapshot } from './snapshot.ts';
import type { ActionRecord, AnyRecord, Day } from './types.ts';

/**
 * True for a scheduled action whose day has come (`waitUntil <= today`). A scheduled action
 * without a day (only a merge or a hand edit makes one) counts as due, so it is never hidden
 * for good.
 */
export function isDue(record: AnyRecord, today: Day): boolean {
  if (record.kind !== 'action' || record.state !== 'scheduled') return false;
  return record.waitUntil === undefined || compareDays(record.waitUntil, today) <= 0;
}

/** The due actions (see {@link isDue}), earliest day first, then by name and id. */
export function dueActions(snapshot: Snapshot, today: Day): ActionRecord[] {
  const due: ActionRecord[] = [];
  for (const record of snapshot.records.values()) if (record.kind === 'action' && isDue(record, today)) due.push(record);
  return due.sort(
    (a, b) =>
      compareDays(a.waitUntil ?? '', b.waitUntil ?? '') ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * The next day on which {@link dueActions} changes without an edit (the earliest scheduled
 * day after `today`), or `undefined` when no scheduled action waits for a later day. The UI
 * sets its timer for the start of that day.
 */
export function nextDueChange(snapshot: Snapshot, today: Day): Day | undefined {
  let next: Day | undefined;
  for (const record of snapshot.records.values()) {
    if (record.kind !== 'action' || record.state !== 'scheduled' || record.waitUntil === undefined) continue;
    if (compareDays(record.waitUntil, today) > 0 && (next === undefined || compareDays(record.waitUntil, next) < 0)) next = record.waitUntil;
  }
  return next;
}
