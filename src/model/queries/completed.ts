import { compareByName } from './collate.ts';

/** Milliseconds of a record's `completed` timestamp; -Infinity when missing or unreadable. */
export function completedTime(record: { completed?: string }): number {
  const ms = record.completed === undefined ? NaN : Date.parse(record.completed);
  return Number.isNaN(ms) ? -Infinity : ms;
}

/**
 * `records` ordered most recently completed first (those without a readable date last, by
 * name), cut to `limit`. Sorts a copy.
 */
export function latestCompleted<R extends { id: string; name: string; completed?: string }>(records: readonly R[], limit = Infinity): R[] {
  const time = new Map(records.map((record) => [record.id, completedTime(record)]));
  const newest = (a: R, b: R): number => {
    const ta = time.get(a.id) as number;
    const tb = time.get(b.id) as number;
    return ta === tb ? compareByName(a, b) : tb > ta ? 1 : -1;
  };
  return [...records].sort(newest).slice(0, limit);
}
