import { addDays, compareDays, dayFromParts, dayParts, daysBetween, daysInMonth, parseDay } from './dates.ts';
import { ModelError } from './errors.ts';
import type { Day, Repeat } from './types.ts';

/** Largest `every` a repeat may have (the record validator's limit). */
export const MAX_REPEAT_EVERY = 1000;

const UNIT_DAYS = { day: 1, week: 7 } as const;
const UNIT_MONTHS = { month: 1, year: 12 } as const;

/**
 * Why `repeat` is not a usable rule, or `undefined` when it is: `every` a whole number from 1
 * to {@link MAX_REPEAT_EVERY}, a known unit, `from` a real calendar day.
 */
export function repeatProblem(repeat: Repeat): string | undefined {
  if (!Number.isInteger(repeat.every) || repeat.every < 1 || repeat.every > MAX_REPEAT_EVERY) {
    return `A repeat must be every 1 to ${MAX_REPEAT_EVERY} days, weeks, months or years.`;
  }
  if (!Object.hasOwn(UNIT_DAYS, repeat.unit) && !Object.hasOwn(UNIT_MONTHS, repeat.unit)) return 'A repeat must be in days, weeks, months or years.';
  if (typeof repeat.from !== 'string' || parseDay(repeat.from) === undefined) return `A repeat must start on a real YYYY-MM-DD date, not ${JSON.stringify(repeat.from)}.`;
  return undefined;
}

function checkRepeat(repeat: Repeat): void {
  const problem = repeatProblem(repeat);
  if (problem) throw new ModelError('invalid', problem, { repeat });
}

/**
 * The `k`-th occurrence (k >= 0) of `repeat`: `from` plus `k * every` units. Months and years
 * count from `from`, never from the previous occurrence, and a day past the end of the month
 * clamps to its last day: monthly from Jan 31 gives Feb 28 (29 in a leap year), then Mar 31;
 * yearly from Feb 29 gives Feb 28 in common years.
 */
export function occurrence(repeat: Repeat, k: number): Day {
  checkRepeat(repeat);
  if (repeat.unit === 'day' || repeat.unit === 'week') return addDays(repeat.from, k * repeat.every * UNIT_DAYS[repeat.unit]);
  const start = dayParts(repeat.from);
  const monthIndex = start.year * 12 + (start.month - 1) + k * repeat.every * UNIT_MONTHS[repeat.unit];
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  return dayFromParts({ year, month, day: Math.min(start.day, daysInMonth(year, month)) });
}

/**
 * The first occurrence of `repeat` strictly after `after` (`from` itself when `after` is
 * earlier). Missed occurrences are skipped: this is the date a repeating action returns on.
 *
 * @example
 * nextOccurrence({ every: 1, unit: 'month', from: '2026-01-31' }, '2026-01-31'); // '2026-02-28'
 * nextOccurrence({ every: 1, unit: 'month', from: '2026-01-31' }, '2026-02-28'); // '2026-03-31'
 */
export function nextOccurrence(repeat: Repeat, after: Day): Day {
  checkRepeat(repeat);
  if (compareDays(after, repeat.from) < 0) return repeat.from;
  let k: number;
  if (repeat.unit === 'day' || repeat.unit === 'week') {
    k = Math.floor(daysBetween(repeat.from, after) / (repeat.every * UNIT_DAYS[repeat.unit]));
  } else {
    const start = dayParts(repeat.from);
    const end = dayParts(after);
    const months = (end.year - start.year) * 12 + (end.month - start.month);
    k = Math.floor(months / (repeat.every * UNIT_MONTHS[repeat.unit]));
  }
  // Occurrence k is on or before `after`'s month (or day); at most two steps reach past it.
  let next = occurrence(repeat, k);
  while (compareDays(next, after) <= 0) next = occurrence(repeat, ++k);
  return next;
}

/** True when `day` is one of the days `repeat` falls on (on its cadence, counted from `from`). */
export function isOccurrence(repeat: Repeat, day: Day): boolean {
  return compareDays(day, repeat.from) >= 0 && nextOccurrence(repeat, addDays(day, -1)) === day;
}

/**
 * A repeat in words: "every 2 weeks from 2026-01-05", "every month from 2026-01-31", or, for
 * one counted from each completion, "2 weeks after done", "a month after done".
 */
export function describeRepeat(repeat: Repeat): string {
  if (repeat.afterDone) return `${repeat.every === 1 ? `a ${repeat.unit}` : `${repeat.every} ${repeat.unit}s`} after done`;
  const unit = repeat.every === 1 ? repeat.unit : `${repeat.every} ${repeat.unit}s`;
  return `every ${unit} from ${repeat.from}`;
}
