import type { Day, ScheduleGroup } from '../../../model/index.ts';
import { describeDay } from './describe-day.ts';

/** A schedule group's heading: a day's words, "Week of Mon 16 Mar", or "April 2026". */
export interface SpanWords {
  short: string;
  /** A day's date beside a relative word ("Today · Sun 1 Mar"); absent for weeks and months. */
  date?: string;
  long: string;
}

const monthFormat = new Map<string, Intl.DateTimeFormat>();

function monthWords(day: Day, locale?: string): string {
  const key = locale ?? '';
  let format = monthFormat.get(key);
  if (!format) monthFormat.set(key, (format = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' })));
  const [year, month] = day.split('-').map(Number);
  return format.format(new Date(Date.UTC(year as number, (month as number) - 1, 15, 12)));
}

/** Words for a day, week or month of the schedule, as seen from `today`. */
export function describeSpan(group: ScheduleGroup, today: Day, locale?: string): SpanWords {
  if (group.span === 'day') {
    const words = describeDay(group.start, today, locale);
    return { short: words.short, date: words.short !== words.date ? words.date : undefined, long: words.long };
  }
  const first = describeDay(group.start, today, locale);
  const last = describeDay(group.end, today, locale);
  if (group.span === 'week') return { short: `${first.date} – ${last.date}`, long: `The week of ${first.long} to ${last.long}` };
  const month = monthWords(group.end, locale);
  return { short: month, long: group.start.endsWith('-01') ? month : `${first.date} to the end of ${month}` };
}
