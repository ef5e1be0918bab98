import type { Day } from './types.ts';

/**
 * Calendar days (`YYYY-MM-DD`) without time zones: a Day names a date on the user's wall
 * calendar. Arithmetic runs on UTC midnights, so daylight-saving changes never shift a day.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** The parts of a Day: `month` is 1-12. */
export interface DayParts {
  year: number;
  month: number;
  day: number;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The number of days in `month` (1-12) of `year`, leap years counted. */
export function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month + 1, 0)).getUTCDate();
}

/** The Day with these parts; `day` and `month` must already be in range. */
export function dayFromParts({ year, month, day }: DayParts): Day {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The parts of a Day known to be valid (see {@link parseDay}). */
export function dayParts(day: Day): DayParts {
  const match = DAY.exec(day);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD day: ${JSON.stringify(day)}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** The day `date` falls on in the local time zone. */
export function todayOf(date: Date): Day {
  return dayFromParts({ year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() });
}

/**
 * `text` as a Day when it is a real calendar date in `YYYY-MM-DD` form (so `2026-02-30` is
 * not), else `undefined`.
 */
export function parseDay(text: string): Day | undefined {
  const match = DAY.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return text;
}

/** The day `count` days after `day` (before it, for a negative count). */
export function addDays(day: Day, count: number): Day {
  const { year, month, day: date } = dayParts(day);
  return fromUtcMs(utcMs(year, month, date + count));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  const a = dayParts(from);
  const b = dayParts(to);
  return Math.round((utcMs(b.year, b.month, b.day) - utcMs(a.year, a.month, a.day)) / MS_PER_DAY);
}

/** The day of the week, 1 (Monday) to 7 (Sunday), as ISO 8601 counts it. */
export function isoWeekday(day: Day): number {
  const { year, month, day: date } = dayParts(day);
  return new Date(utcMs(year, month, date)).getUTCDay() || 7;
}

/** The last day of the month `day` falls in. */
export function endOfMonth(day: Day): Day {
  const { year, month } = dayParts(day);
  return dayFromParts({ year, month, day: daysInMonth(year, month) });
}

/** Orders days: negative when `a` is earlier, 0 when equal, positive when later. */
export function compareDays(a: Day, b: Day): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Milliseconds at UTC midnight of a (possibly overflowing) date; years below 100 stay as they are. */
function utcMs(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

function fromUtcMs(ms: number): Day {
  const date = new Date(ms);
  return dayFromParts({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
}
