import { useMemo } from 'react';
import { dueActions, problems, type Snapshot } from '../../../model/index.ts';
import '../../styles/views.css';
import { useDueReminders } from './use-due-reminders.ts';
import { useToday } from './use-today.ts';

/**
 * The status bar's counts: actions due (to Work) and problems (to Process, where they are
 * listed atop the inbox). Also keeps the title's due count and the due reminders going, since
 * the status bar is always on screen.
 */
export function StatusBadges({ snapshot }: { snapshot: Snapshot }) {
  const today = useToday();
  const due = useMemo(() => dueActions(snapshot, today), [snapshot, today]);
  const problemCount = useMemo(() => problems(snapshot).length, [snapshot]);
  useDueReminders(due, today);
  return (
    <span className="status-badges">
      {due.length > 0 && (
        <a className="status-badge due" href="#/work" data-testid="due-count">
          {due.length} due
        </a>
      )}
      {problemCount > 0 && (
        <a className="status-badge warn" href="#/process" data-testid="problem-count">
          {problemCount} {problemCount === 1 ? 'problem' : 'problems'}
        </a>
      )}
    </span>
  );
}
