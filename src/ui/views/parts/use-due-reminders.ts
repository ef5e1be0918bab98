import { useEffect, useRef } from 'react';
import type { ActionRecord, Day } from '../../../model/index.ts';
import { newlyDue, reminderText, titleWithDueCount } from './due-reminders.ts';
import { showReminder } from './reminders.ts';

/**
 * Keeps the document title at "(3) Taskgit" while 3 actions are due, and shows a reminder
 * (when enabled in Schedule) for the actions that fall due while the app is open: those due
 * now that were not when the date was last read. An edit that makes something due at once
 * (scheduling it for today) reminds no one: the person just did it.
 */
export function useDueReminders(due: readonly ActionRecord[], today: Day): void {
  const seen = useRef<{ today: Day; ids: ReadonlySet<string> }>(undefined);
  useEffect(() => {
    document.title = titleWithDueCount(due.length);
  }, [due.length]);
  useEffect(() => {
    const before = seen.current;
    seen.current = { today, ids: new Set(due.map((action) => action.id)) };
    if (before === undefined || before.today === today) return;
    const fresh = newlyDue(before.ids, due);
    if (fresh.length === 0) return;
    const { title, body } = reminderText(fresh);
    void showReminder(title, body);
  }, [due, today]);
}
