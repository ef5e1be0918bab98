import { addDays, compareDays, endOfMonth, isoWeekday } from '../dates.ts';
import { nextOccurrence, repeatProblem } from '../repeat.ts';
import type { Snapshot } from '../snapshot.ts';
import type { ActionRecord, Day, ProjectRecord } from '../types.ts';
import { compareStarredThenName } from './collate.ts';
import { openDeadlines } from './deadlines.ts';
import { buildTreeIndex } from './tree-index.ts';

/**
 * What puts a record on the schedule: a scheduled action's day ('start', its tickler date), a
 * later occurrence of a repeating action ('repeat'), or the day it must be done by ('deadline').
 */
export type ScheduleEntryKind = 'start' | 'repeat' | 'deadline';

/** One record on one day of the schedule. */
export interface ScheduleEntry {
  record: ActionRecord | ProjectRecord;
  kind: ScheduleEntryKind;
  day: Day;
  /** Its day is before today and it is still open. */
  overdue: boolean;
}

/** A day, a week or a month of the schedule, with what falls in it. */
export interface ScheduleGroup {
  span: 'day' | 'week' | 'month';
  /** Its first day. */
  start: Day;
  /** Its last day (the same as `start` for a day). */
  end: Day;
  isToday: boolean;
  /** Before today (only past days that hold something are listed). */
  overdue: boolean;
  /** By day, then starts before deadlines before repeats, then starred first, then by name. */
  entries: ScheduleEntry[];
}

/** How far ahead {@link scheduleView} shows single days and weeks. */
export interface ScheduleOptions {
  /** Days after today shown one by one, empty ones included; default 13 (two weeks with today). */
  days?: number;
  /** Weeks after today, counted from today, grouped by week (Monday to Sunday) past the single days; default 8. */
  weeks?: number;
}

const KIND_ORDER: Record<ScheduleEntryKind, number> = { start: 0, deadline: 1, repeat: 2 };

/**
 * The whole tickler, however far ahead, as CueKeeper's Schedule lists every `Waiting_until`
 * action by date (lib/ck_model.ml, `make_schedule_tree`), with deadlines and repeats added:
 * - past days that still hold something, each flagged overdue;
 * - today and the next `days` days, one by one, empty ones included (so a day can be added to);
 * - then the weeks up to `weeks` weeks ahead, then the months, however far: only those that
 *   hold something.
 * A scheduled action is on its `waitUntil` day (today when it has none); an open action or
 * project with a deadline is on that day; a repeating action not done also appears on each
 * later occurrence within the single days, where it would return if completed on time.
 */
export function scheduleView(snapshot: Snapshot, today: Day, options: ScheduleOptions = {}): ScheduleGroup[] {
  const dayEnd = addDays(today, Math.max(0, Math.floor(options.days ?? 13)));
  const entries = scheduleEntries(snapshot, today, dayEnd);
  const weekEnd = endOfWeek(addDays(today, Math.max(1, Math.floor(options.weeks ?? 8)) * 7 - 1));
  const groups = new Map<Day, ScheduleGroup>();
  for (let day = today; compareDays(day, dayEnd) <= 0; day = addDays(day, 1)) groups.set(day, groupOf('day', day, day, today));
  for (const entry of entries) {
    const [span, start, end] = spanOf(entry.day, dayEnd, weekEnd);
    const group = groups.get(start) ?? groupOf(span, start, end, today);
    groups.set(start, group);
    group.entries.push(entry);
  }
  const list = [...groups.values()].sort((a, b) => compareDays(a.start, b.start));
  for (const group of list) group.entries.sort(compareEntries);
  return list;
}

/** The span, first and last day of the group `day` falls in. */
function spanOf(day: Day, dayEnd: Day, weekEnd: Day): [ScheduleGroup['span'], Day, Day] {
  if (compareDays(day, dayEnd) <= 0) return ['day', day, day];
  if (compareDays(day, weekEnd) <= 0) {
    const monday = addDays(day, 1 - isoWeekday(day));
    return ['week', compareDays(monday, dayEnd) <= 0 ? addDays(dayEnd, 1) : monday, endOfWeek(day)];
  }
  const first = `${day.slice(0, 8)}01`;
  return ['month', compareDays(first, weekEnd) <= 0 ? addDays(weekEnd, 1) : first, endOfMonth(day)];
}

function endOfWeek(day: Day): Day {
  return addDays(day, 7 - isoWeekday(day));
}

function groupOf(span: ScheduleGroup['span'], start: Day, end: Day, today: Day): ScheduleGroup {
  return { span, start, end, isToday: start === today && span === 'day', overdue: compareDays(start, today) < 0, entries: [] };
}

/** Every entry: scheduled days and deadlines however far, repeats up to `projectUntil`. */
function scheduleEntries(snapshot: Snapshot, today: Day, projectUntil: Day): ScheduleEntry[] {
  const entries: ScheduleEntry[] = [];
  for (const action of snapshot.records.values()) {
    if (action.kind !== 'action' || action.state === 'done') continue;
    let current: Day | undefined;
    if (action.state === 'scheduled') {
      current = readDay(action.waitUntil) ?? today;
      entries.push({ record: action, kind: 'start', day: current, overdue: compareDays(current, today) < 0 });
    }
    if (action.repeat === undefined || repeatProblem(action.repeat) !== undefined || action.repeat.afterDone) continue;
    const after = current !== undefined && compareDays(current, today) > 0 ? current : today;
    for (let day = nextOccurrence(action.repeat, after); compareDays(day, projectUntil) <= 0; day = nextOccurrence(action.repeat, day)) {
      entries.push({ record: action, kind: 'repeat', day, overdue: false });
    }
  }
  for (const { record, deadline, overdue } of openDeadlines(buildTreeIndex(snapshot), today)) {
    const day = readDay(deadline);
    if (day !== undefined) entries.push({ record, kind: 'deadline', day, overdue });
  }
  return entries;
}

function compareEntries(a: ScheduleEntry, b: ScheduleEntry): number {
  return compareDays(a.day, b.day) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareStarredThenName(a.record, b.record);
}

/** `text` as a calendar day; an impossible date (`2026-02-30`) rolls over, anything else is `undefined`. */
function readDay(text: string | undefined): Day | undefined {
  if (text === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  return addDays(text, 0);
}
