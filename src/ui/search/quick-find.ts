/**
 * The search box's keyboard as pure functions: where the highlight goes, and what Enter does.
 */

/** What Enter does in the search box. */
export type EnterIntent<H> = { kind: 'open'; hit: H } | { kind: 'capture'; name: string } | { kind: 'nothing' };

/**
 * Enter opens the highlighted match (the first when none is highlighted); with no match it
 * captures the text as a new inbox action; with blank text it does nothing.
 */
export function enterIntent<H>(text: string, hits: readonly H[], highlighted: number): EnterIntent<H> {
  const name = text.trim();
  if (name === '') return { kind: 'nothing' };
  const hit = hits[highlighted] ?? hits[0];
  return hit ? { kind: 'open', hit } : { kind: 'capture', name };
}

/**
 * The highlight after an arrow key, among `count` matches: Down from none (-1) goes to the
 * first, Up from none to the last; both wrap around. -1 when there is nothing to highlight.
 */
export function moveHighlight(current: number, key: 'ArrowDown' | 'ArrowUp', count: number): number {
  if (count <= 0) return -1;
  if (current < 0 || current >= count) return key === 'ArrowDown' ? 0 : count - 1;
  return (current + (key === 'ArrowDown' ? 1 : -1) + count) % count;
}
