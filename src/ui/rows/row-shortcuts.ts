/**
 * The keys that act on the list row holding the focus: the one table the rows read and the
 * help dialog lists. They work only on a row (a list's item, its name button focused), so `n`
 * elsewhere still captures; a row takes its key before the app-wide shortcuts see it. Pure.
 */

/** What a key does to the focused row. */
export type RowCommand = 'down' | 'up' | 'open' | 'done' | 'star' | 'next' | 'waiting' | 'schedule' | 'future' | 'move' | 'context';

/** One entry of the table. */
export interface RowShortcut {
  readonly keys: readonly string[];
  readonly command: RowCommand;
  readonly description: string;
}

/** Every row key. */
export const ROW_SHORTCUTS: readonly RowShortcut[] = [
  { keys: ['j', 'ArrowDown'], command: 'down', description: 'Next row' },
  { keys: ['k', 'ArrowUp'], command: 'up', description: 'Previous row' },
  { keys: ['Enter'], command: 'open', description: 'Open the row’s item' },
  { keys: ['x'], command: 'done', description: 'Complete (a repeating action comes back on its next day); again to reopen' },
  { keys: ['s'], command: 'star', description: 'Star or unstar' },
  { keys: ['n'], command: 'next', description: 'Make it a next action (a project: active)' },
  { keys: ['w'], command: 'waiting', description: 'Waiting: for someone, for a day, or for no reason given' },
  { keys: ['d'], command: 'schedule', description: 'Schedule it for a day' },
  { keys: ['f'], command: 'future', description: 'Future (a project: someday)' },
  { keys: ['m'], command: 'move', description: 'Move it into a project or area' },
  { keys: ['c'], command: 'context', description: 'Set its context' },
];

/** The command a key press gives on a row, or `undefined` (a modifier held, or no such key). */
export function rowCommandOf(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey?: boolean }): RowCommand | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return undefined;
  return ROW_SHORTCUTS.find((shortcut) => shortcut.keys.includes(event.key))?.command;
}
