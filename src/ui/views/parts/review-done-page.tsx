import { useState } from 'react';
import { deleteDoneItems, type DoneReview } from '../../../model/index.ts';
import { ParentGroups } from './parent-groups.tsx';
import type { Run } from './use-run.ts';

const completedOn = (record: { completed?: string }): string => (record.completed ? `done ${new Date(record.completed).toLocaleDateString()}` : 'done');

/** The Done page: what was finished, and "Delete done items" to clear it away (it says how many went). */
export function ReviewDonePage({ page, run, select, selectedId }: { page: DoneReview; run: Run; select: (id: string) => void; selectedId: string | undefined }) {
  const [deleted, setDeleted] = useState<number>();
  const count = page.deletableCount;
  const clear = async (): Promise<void> => {
    if (await run(deleteDoneItems)) setDeleted(count);
  };
  return (
    <>
      <div className="section-head">
        <p className="muted">Look at what you finished; then clear it away. Nothing open is ever deleted.</p>
        <button type="button" className="button" disabled={count === 0} onClick={() => void clear()}>
          Delete done items ({count})
        </button>
      </div>
      <p role="status" className="view-status">
        {deleted !== undefined && `Deleted ${deleted} done ${deleted === 1 ? 'item' : 'items'}.`}
      </p>
      <ParentGroups groups={page.groups} select={select} selectedId={selectedId} meta={completedOn} empty="Nothing done yet." />
    </>
  );
}
