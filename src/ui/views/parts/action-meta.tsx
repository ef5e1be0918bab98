import { isDue, type ActionRecord, type Day, type Snapshot } from '../../../model/index.ts';
import { deadlineWords, describeDay, dueWords, repeatWords } from './describe-day.ts';
import { nextDateIfDone } from './next-date.ts';

/**
 * The small print under an action: when a scheduled one fell due, and for a repeating one its
 * rule and the day it comes back on once done.
 */
export function ActionMeta({ action, snapshot, today }: { action: ActionRecord; snapshot: Snapshot; today: Day }) {
  const due = isDue(action, today);
  const next = nextDateIfDone(snapshot, action, new Date());
  const deadline = action.deadline !== undefined && action.state !== 'done' ? action.deadline : undefined;
  if (!due && action.repeat === undefined && deadline === undefined) return null;
  return (
    <span className="action-meta">
      {due && <span className={`tag${action.waitUntil !== undefined && action.waitUntil < today ? ' overdue' : ' due'}`}>{dueWords(action.waitUntil, today)}</span>}
      {deadline !== undefined && <span className={`tag${deadline < today ? ' overdue' : deadline === today ? ' due' : ''}`}>{deadlineWords(deadline, today)}</span>}
      {action.repeat && (
        <span className="repeat-note">
          <span aria-hidden="true">↻ </span>
          {repeatWords(action.repeat, today)}
          {next && <> · next {describeDay(next, today).short}</>}
        </span>
      )}
    </span>
  );
}
