import { useId, useState } from 'react';
import {
  checklistItems,
  completeAction,
  isDue,
  resetChecklist,
  staleProjects,
  tickChecklistItem,
  WEEKLY_REVIEW_NAME,
  type ActionRecord,
  type Snapshot,
} from '../../../model/index.ts';
import type { ItemRowProps } from '../../rows/item-row.tsx';
import { dueWords } from './describe-day.ts';

/** The weekly-review action: the open action named as the app names it, the one with a checklist first. */
function findWeeklyReview(snapshot: Snapshot): ActionRecord | undefined {
  let found: ActionRecord | undefined;
  for (const record of snapshot.records.values()) {
    if (record.kind !== 'action' || record.state === 'done' || record.name !== WEEKLY_REVIEW_NAME) continue;
    if (found === undefined || (checklistItems(record.description ?? '').length > 0 && checklistItems(found.description ?? '').length === 0)) found = record;
  }
  return found;
}

/**
 * The top of Review: the weekly review's checklist (open while it is due), ticked here step by
 * step (each tick a commit, so it syncs), reset, or finished with Done (it repeats: the
 * checklist starts afresh for next week); and how many projects wait to be looked at.
 */
export function WeeklyReviewCard({ onShowProjects, ...rowProps }: ItemRowProps & { onShowProjects: () => void }) {
  const headingId = useId();
  const review = findWeeklyReview(rowProps.snapshot);
  const due = review !== undefined && isDue(review, rowProps.today);
  const [chosen, setOpen] = useState<boolean>(); // open while due, until the person chooses
  const open = chosen ?? due;
  // A box shows its new state at once, while its commit is made (as the Done box does).
  const [pending, setPending] = useState<ReadonlyMap<number, boolean>>(new Map());
  const stale = staleProjects(rowProps.snapshot, rowProps.today).length;
  if (review === undefined) return null;
  const steps = checklistItems(review.description ?? '');
  const checked = (step: { index: number; checked: boolean }): boolean => pending.get(step.index) ?? step.checked;
  const ticked = steps.filter(checked).length;
  const tick = async (index: number, value: boolean): Promise<void> => {
    setPending((current) => new Map(current).set(index, value));
    await run((s) => tickChecklistItem(s, review.id, index, value));
    setPending((current) => {
      const next = new Map(current);
      next.delete(index);
      return next;
    });
  };
  const run = rowProps.run;
  return (
    <details className="card weekly-review" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <h2 id={headingId}>
          {review.name}{' '}
          <span className="count-badge">
            {ticked} of {steps.length}
          </span>
        </h2>
        {review.state === 'scheduled' && <span className={`tag${due ? ' due' : ''}`}>{dueWords(review.waitUntil, rowProps.today)}</span>}
      </summary>
      {steps.length === 0 ? (
        <p className="muted">Its notes have no checklist: add lines like “- [ ] Empty the inbox”.</p>
      ) : (
        <ul className="checklist">
          {steps.map((step) => (
            <li key={step.index}>
              <label>
                <input type="checkbox" checked={checked(step)} onChange={(event) => void tick(step.index, event.target.checked)} /> {step.label}
              </label>
            </li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <button type="button" className="button primary" onClick={() => void run((s) => completeAction(s, review.id, new Date()))}>
          Done for this week
        </button>
        <button type="button" className="button" disabled={ticked === 0} onClick={() => void run((s) => resetChecklist(s, review.id), 'The checklist is unticked.')}>
          Untick all
        </button>
        {stale > 0 && (
          <button type="button" className="button" onClick={onShowProjects}>
            {stale} {stale === 1 ? 'project' : 'projects'} to review
          </button>
        )}
        <button type="button" className="button" onClick={() => rowProps.select(review.id)}>
          Open its notes
        </button>
      </div>
    </details>
  );
}
