import { dayParts, daysBetween, describeRepeat, todayOf, type Day, type Repeat } from '../../../model/index.ts';

/** A day in words for headings and notes. */
export interface DayWords {
  /** "Today", "Tomorrow", "Yesterday", else the date: "Tue 10 Mar". */
  short: string;
  /** The date alone, "Tue 10 Mar", also for today. */
  date: string;
  /** The full date, with "Today, " (and so on) in front when it applies: "Today, Tuesday 10 March 2026". */
  long: string;
  /** Whole days from today (negative: in the past). */
  offset: number;
}

const RELATIVE: Record<string, string> = { '-1': 'Yesterday', '0': 'Today', '1': 'Tomorrow' };

/** Noon UTC of `day`, formatted in UTC, so no time zone moves it to a neighbouring date. */
function dateOf(day: Day): Date {
  const { year, month, day: date } = dayParts(day);
  return new Date(Date.UTC(year, month - 1, date, 12));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Date formatters, made once per locale and style: building one costs far more than formatting
 * (a Work view with a thousand overdue rows spent ~100 ms making them).
 */
function formatter(locale: string | undefined, style: 'short' | 'long'): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${style}`;
  let made = formatters.get(key);
  if (!made) {
    const options: Intl.DateTimeFormatOptions =
      style === 'short'
        ? { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }
        : { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
    formatters.set(key, (made = new Intl.DateTimeFormat(locale, options)));
  }
  return made;
}

/**
 * Words for `day` as seen from `today`, in `locale` (the browser's by default).
 *
 * @example
 * describeDay('2026-03-11', '2026-03-10', 'en-GB'); // { short: 'Tomorrow', date: 'Wed 11 Mar', long: 'Tomorrow, Wednesday 11 March 2026', offset: 1 }
 */
export function describeDay(day: Day, today: Day, locale?: string): DayWords {
  const offset = daysBetween(today, day);
  const date = dateOf(day);
  const shortDate = formatter(locale, 'short').format(date);
  const longDate = formatter(locale, 'long').format(date);
  const relative = RELATIVE[String(offset)];
  return { short: relative ?? shortDate, date: shortDate, long: relative ? `${relative}, ${longDate}` : longDate, offset };
}

/** "due today", "due yesterday", "3 days overdue", "due Tue 10 Mar": how late a scheduled action is. */
export function dueWords(day: Day | undefined, today: Day, locale?: string): string {
  if (day === undefined) return 'due';
  const { short, offset } = describeDay(day, today, locale);
  if (offset >= -1 && offset <= 1) return `due ${short.toLowerCase()}`;
  return offset < 0 ? `${-offset} days overdue` : `due ${short}`;
}

/** "deadline today", "deadline yesterday", "3 days past deadline", "deadline Tue 10 Mar". */
export function deadlineWords(deadline: Day, today: Day, locale?: string): string {
  const { short, offset } = describeDay(deadline, today, locale);
  if (offset >= -1 && offset <= 1) return `deadline ${short.toLowerCase()}`;
  return offset < 0 ? `${-offset} days past deadline` : `deadline ${short}`;
}

/** A repeat in the person's words and date format: "every 2 weeks from Mon 5 Jan", "6 weeks after done". */
export function repeatWords(repeat: Repeat, today: Day, locale?: string): string {
  if (repeat.afterDone) return describeRepeat(repeat);
  const unit = repeat.every === 1 ? repeat.unit : `${repeat.every} ${repeat.unit}s`;
  return `every ${unit} from ${describeDay(repeat.from, today, locale).date}`;
}

/** The local day of an ISO timestamp in words, "today", "yesterday", "Fri 20 Nov"; `undefined` when unreadable. */
export function stampWords(stamp: string | undefined, today: Day, locale?: string): string | undefined {
  const ms = stamp === undefined ? NaN : Date.parse(stamp);
  if (Number.isNaN(ms)) return undefined;
  const { short, offset } = describeDay(todayOf(new Date(ms)), today, locale);
  return offset >= -1 && offset <= 1 ? short.toLowerCase() : short;
}

/** "reviewed today", "reviewed Fri 20 Nov", "never reviewed". */
export function reviewedWords(project: { reviewed?: string }, today: Day): string {
  const words = stampWords(project.reviewed, today);
  return words === undefined ? 'never reviewed' : `reviewed ${words}`;
}
