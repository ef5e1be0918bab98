import { useEffect, useRef } from 'react';
import type { Commit } from '../../model/index.ts';
import { subjectOf } from './commit-words.ts';

/** Asks before reverting `commit` (`undefined`: closed). */
export function RevertDialog({ commit, onConfirm, onCancel }: { commit: Commit | undefined; onConfirm: (commit: Commit) => void; onCancel: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (commit && !dialog.open) dialog.showModal();
    if (!commit && dialog.open) dialog.close();
  }, [commit]);
  const merge = commit !== undefined && commit.parents.length > 1;
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="revert-title" onClose={onCancel}>
      <h2 id="revert-title">Revert this change?</h2>
      {commit && (
        <>
          <p>
            <strong>“{subjectOf(commit)}”</strong>
          </p>
          <p>
            {merge
              ? 'A new commit will undo what this merge brought in from the other history. '
              : 'A new commit will undo this change. '}
            Changes made since then stay; the history keeps both, so you can revert the revert.
          </p>
        </>
      )}
      <div className="button-row dialog-buttons">
        <button type="button" className="button" autoFocus onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button primary" onClick={() => commit && onConfirm(commit)}>
          Revert
        </button>
      </div>
    </dialog>
  );
}
