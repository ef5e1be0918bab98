/**
 * How the views order what they show: names in the person's locale (numbers by value, so
 * "Step 2" comes before "Step 10"), starred records first where a view says so, ids last so
 * equal names keep one order on every render.
 */

const collator = new Intl.Collator(undefined, { numeric: true });

/** Orders two names by the locale's rules. */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Orders records by name, then by id. */
export function compareByName(a: { id: string; name: string }, b: { id: string; name: string }): number {
  return collator.compare(a.name, b.name) || compareIds(a.id, b.id);
}

/** Orders records starred first, then by name, then by id: the order every list of the app uses. */
export function compareStarredThenName(
  a: { id: string; name: string; starred?: boolean },
  b: { id: string; name: string; starred?: boolean },
): number {
  return Number(b.starred === true) - Number(a.starred === true) || compareByName(a, b);
}

/** Orders records by creation time (oldest first; an unreadable time first), then by id. */
export function compareCreated(a: { id: string; created: string }, b: { id: string; created: string }): number {
  const time = (record: { created: string }): number => {
    const ms = Date.parse(record.created);
    return Number.isNaN(ms) ? -Infinity : ms;
  };
  const ta = time(a);
  const tb = time(b);
  return ta === tb ? compareIds(a.id, b.id) : ta < tb ? -1 : 1;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
