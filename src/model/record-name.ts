/** How names appear in commit messages and in the reasons guards give. */

/** Longest name, in characters, a message shows before cutting it with an ellipsis. */
export const MAX_MESSAGE_NAME = 60;

/**
 * A name as a commit message shows it: as typed, but on one line (runs of whitespace become
 * one space) and cut to {@link MAX_MESSAGE_NAME} characters with a trailing "…".
 */
export function messageName(name: string): string {
  const oneLine = name.replace(/\s+/g, ' ').trim();
  const chars = Array.from(oneLine);
  return chars.length <= MAX_MESSAGE_NAME ? oneLine : `${chars.slice(0, MAX_MESSAGE_NAME - 1).join('').trimEnd()}…`;
}

/** A name in curly quotes, for sentences shown to the person: “Call bank”. */
export function quoteName(name: string): string {
  return `“${messageName(name)}”`;
}

const ARTICLE_KIND = { area: 'an area', project: 'a project', action: 'an action', contact: 'a contact', context: 'a context' } as const;

/** A kind with its article, for sentences: "an area", "a project". */
export function kindWithArticle(kind: keyof typeof ARTICLE_KIND): string {
  return ARTICLE_KIND[kind];
}

/** Orders records by name (UTF-16 code units, so the same on every device), then by id. */
export function compareByName(a: { name: string; id: string }, b: { name: string; id: string }): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Up to `max` quoted names joined by commas, then "and N more": “A”, “B” and 3 more. */
export function nameList(records: readonly { name: string }[], max = 5): string {
  const shown = records.slice(0, max).map((record) => quoteName(record.name)).join(', ');
  return records.length > max ? `${shown} and ${records.length - max} more` : shown;
}
