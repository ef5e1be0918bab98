import { untickAll } from '../checklist.ts';
import { addDays, compareDays, todayOf } from '../dates.ts';
import { isOccurrence, nextOccurrence, occurrence } from '../repeat.ts';
import type { ActionRecord, Day, ProjectRecord, Repeat } from '../types.ts';
import type { RecordPatch } from './update.ts';

/** An action after its fields were made to follow its state, and the day it returns on if it repeated. */
export interface FollowedAction {
  record: ActionRecord;
  /** Set when the edit completed a repeating action: the day it comes back. */
  rolledTo?: Day;
}

/**
 * Keeps a patched action's fields in step with its state:
 * - a day given without a state schedules it; leaving 'scheduled' clears the day;
 * - a repeat set without a state or day schedules the action on the repeat's first day on or
 *   after today (CueKeeper: lib/ck_update.ml, `set_repeat`, moves it to `Waiting_until`);
 * - a repeating action rescheduled to a day off its cadence repeats from that day on
 *   (lib/ck_update.ml, `set_action_state`, sets `repeat_from` to the new date); a day on the
 *   cadence keeps the anchor, so monthly from Jan 31 still falls on Mar 31 after Feb 28;
 * - a repeating action set to done is not done: it returns on its next occurrence, counted on
 *   the cadence, or `every` units after today when it repeats after done, with the boxes of
 *   its checklist unticked;
 * - done stamps `completed`, any other state clears it.
 */
export function followActionState(before: ActionRecord, next: ActionRecord, patch: RecordPatch, now: Date): FollowedAction {
  const today = todayOf(now);
  let record = next;
  if (patch.waitUntil != null && patch.state === undefined) record = { ...record, state: 'scheduled' };
  if (patch.repeat != null && patch.state === undefined && patch.waitUntil == null && record.repeat !== undefined) {
    record = { ...record, state: 'scheduled', waitUntil: nextOccurrence(record.repeat, addDays(today, -1)) };
  }
  if (record.state !== 'scheduled' && patch.waitUntil == null) record = { ...record, waitUntil: undefined };
  if (patch.waitUntil != null && patch.repeat === undefined && record.repeat !== undefined && !isOccurrence(record.repeat, patch.waitUntil)) {
    record = { ...record, repeat: { ...record.repeat, from: patch.waitUntil } };
  }
  if (record.state === 'done' && before.state !== 'done' && record.repeat !== undefined) {
    const current = before.state === 'scheduled' ? before.waitUntil : undefined;
    const day = returnDay(record.repeat, current, today);
    const repeat = record.repeat.afterDone ? { ...record.repeat, from: day } : record.repeat;
    // Its checklist (the weekly review's steps) starts afresh for the next time round.
    const description = record.description === undefined ? undefined : untickAll(record.description);
    return { record: { ...record, state: 'scheduled', waitUntil: day, repeat, description, completed: undefined }, rolledTo: day };
  }
  return { record: stampCompleted(before.state, record, now) };
}

/**
 * The day a completed repeating action returns on: `every` units after today when it repeats
 * after done; else the first occurrence after today (after its own day, when completed early).
 */
function returnDay(repeat: Repeat, current: Day | undefined, today: Day): Day {
  if (repeat.afterDone) return occurrence({ ...repeat, from: today }, 1);
  const after = current !== undefined && compareDays(current, today) > 0 ? current : today;
  return nextOccurrence(repeat, after);
}

/** Stamps `completed` on entering done, keeps it while done, clears it in any other state. */
export function stampCompleted<T extends ActionRecord | ProjectRecord>(before: string, next: T, now: Date): T {
  if (next.state !== 'done') return { ...next, completed: undefined };
  return before === 'done' ? next : { ...next, completed: now.toISOString() };
}
