/** Dates as History and the time-travel banner show them. Pure, so unit tested in Node. */

const STEPS: ReadonlyArray<[unit: Intl.RelativeTimeFormatUnit, seconds: number]> = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/**
 * How long ago `date` was, in words: "just now" under a minute, then "5 minutes ago",
 * "yesterday", "3 weeks ago", "last year"; a date in the future (another device's clock)
 * reads "in 2 minutes".
 */
export function relativeTime(date: Date, now: Date, locale?: string): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  if (Math.abs(seconds) < 60) return 'just now';
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of STEPS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(Math.trunc(seconds / 60), 'minute');
}

/** A date and time for people, in their locale and time zone: "Mar 4, 2026, 9:30 AM". */
export function formatWhen(date: Date, locale?: string, timeZone?: string): string {
  return date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) });
}
