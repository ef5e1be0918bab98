import { useState } from 'react';
import { deleteDoneItems, type DoneReview } from '../../../model/index.ts';
import type { ItemRowProps } from '../../rows/item-row.tsx';
import { stampWords } from './describe-day.ts';
import { ParentGroups } from './parent-groups.tsx';

/** The Done page: what was finished, by parent, and "Delete done items" to clear it away (it says how many went). */
export function ReviewDonePage({ page, ...rowProps }: ItemRowProps & { page: DoneReview }) {
  const [deleted, setDeleted] = useState<number>();
  const count = page.deletableCount;
  const clear = async (): Promise<void> => {
    if (await rowProps.run(deleteDoneItems)) setDeleted(count);
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
      <ParentGroups groups={page.groups} meta={(record) => <span className="tag">{`done ${stampWords(record.completed, rowProps.today) ?? ''}`.trim()}</span>} empty="Nothing done yet." {...rowProps} />
    </>
  );
}
