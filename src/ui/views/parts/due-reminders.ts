import type { ActionRecord } from '../../../model/index.ts';

/** The app's name, the document title without a count. */
const APP_TITLE = 'Taskgit';

/** The document title: "(3) Taskgit" while 3 actions are due, else "Taskgit". */
export function titleWithDueCount(count: number): string {
  return count > 0 ? `(${count}) ${APP_TITLE}` : APP_TITLE;
}

/** The actions of `due` that were not due before (`before`: their ids; `undefined`: nothing known yet, so none is new). */
export function newlyDue(before: ReadonlySet<string> | undefined, due: readonly ActionRecord[]): ActionRecord[] {
  if (before === undefined) return [];
  return due.filter((action) => !before.has(action.id));
}

/** The words of a reminder: "Due now: “Pay rent”" or "3 actions are due: “A”, “B”, “C”". */
export function reminderText(actions: readonly ActionRecord[]): { title: string; body: string } {
  const names = actions.slice(0, 5).map((action) => `“${action.name}”`).join(', ');
  const more = actions.length > 5 ? ` and ${actions.length - 5} more` : '';
  return actions.length === 1 ? { title: 'Due now', body: names } : { title: `${actions.length} actions are due`, body: `${names}${more}` };
}
