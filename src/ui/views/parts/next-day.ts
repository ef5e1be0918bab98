/** Longest wait between two checks of the date, so a missed timer (a sleeping laptop) catches up. */
export const MAX_RECHECK_MS = 60 * 60 * 1000;

/**
 * Milliseconds from `now` until the date should be read again: the start of the next local
 * day (a few milliseconds after it), but never more than {@link MAX_RECHECK_MS}.
 * Daylight-saving days are 23 or 25 hours long; the local calendar takes care of that.
 *
 * @example
 * recheckDelay(new Date(2026, 2, 10, 23, 59, 30)); // 30_050
 */
export function recheckDelay(now: Date): number {
  const nextDay = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const untilMidnight = nextDay.getTime() - now.getTime() + 50;
  return Math.max(50, Math.min(untilMidnight, MAX_RECHECK_MS));
}
