import { addDays, compareDays } from '../dates.ts';
import { nextOccurrence, repeatProblem } from '../repeat.ts';
import type { Snapshot } from '../snapshot.ts';
import type { ActionRecord, Day } from '../types.ts';
import { compareStarredThenName } from './collate.ts';

/** One action on one day of the schedule. */
export interface ScheduleEntry {
  action: ActionRecord;
  /** Scheduled for a day before today and still waiting. */
  overdue: boolean;
  /** A later occurrence of a repeating action, not its current day. */
  projected: boolean;
}

/** One day of the schedule. */
export interface ScheduleDay {
  day: Day;
  isToday: boolean;
  /** Before today (only days with overdue actions are listed). */
  overdue: boolean;
  entries: ScheduleEntry[];
}

/**
 * The Schedule view, day by day: first the past days that still hold scheduled actions
 * (flagged overdue), then every day from `today` to `today + days`, empty ones included.
 * A scheduled action is on its `waitUntil` day (today when it has none); a repeating action
 * not done also appears, `projected`, on each later occurrence in the window: the days it
 * would return on if completed on time. Entries: current before projected, then starred
 * first, then by name.
 */
export function scheduleView(snapshot: Snapshot, today: Day, days = 14): ScheduleDay[] {
  const end = addDays(today, Math.max(0, Math.floor(days)));
  const byDay = new Map<Day, ScheduleEntry[]>();
  const add = (day: Day, entry: ScheduleEntry): void => {
    const list = byDay.get(day);
    if (list) list.push(entry);
    else byDay.set(day, [entry]);
  };
  for (const action of snapshot.records.values()) {
    if (action.kind !== 'action' || action.state === 'done') continue;
    let current: Day | undefined;
    if (action.state === 'scheduled') {
      current = readDay(action.waitUntil) ?? today;
      if (compareDays(current, end) <= 0) add(current, { action, overdue: compareDays(current, today) < 0, projected: false });
    }
    if (action.repeat === undefined || repeatProblem(action.repeat) !== undefined) continue;
    const after = current !== undefined && compareDays(current, today) > 0 ? current : today;
    for (let day = nextOccurrence(action.repeat, after); compareDays(day, end) <= 0; day = nextOccurrence(action.repeat, day)) {
      add(day, { action, overdue: false, projected: true });
    }
  }
  const past = [...byDay.keys()].filter((day) => compareDays(day, today) < 0).sort(compareDays);
  const window: Day[] = [];
  for (let day = today; compareDays(day, end) <= 0; day = addDays(day, 1)) window.push(day);
  return [...past, ...window].map((day) => ({
    day,
    isToday: day === today,
    overdue: compareDays(day, today) < 0,
    entries: (byDay.get(day) ?? []).sort(compareEntries),
  }));
}

function compareEntries(a: ScheduleEntry, b: ScheduleEntry): number {
  return Number(a.projected) - Number(b.projected) || compareStarredThenName(a.action, b.action);
}

/** `text` as a calendar day; an impossible date (`2026-02-30`) rolls over, anything else is `undefined`. */
function readDay(text: string | undefined): Day | undefined {
  if (text === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  return addDays(text, 0);
}
