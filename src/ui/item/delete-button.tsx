import { useState } from 'react';
import { canDelete, countItems, deleteRecord, descendantsOf, isItem, quoteName, type AnyRecord, type Snapshot } from '../../model/index.ts';
import { CommandError } from './command-error.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { useCommand } from './use-command.ts';

/**
 * Delete. A contact or context still in use is refused, naming who uses it; an item with
 * items inside asks first, then deletes it with everything inside (one commit, which History
 * can revert).
 */
export function DeleteButton({ snapshot, record, onDeleted }: { snapshot: Snapshot; record: AnyRecord; onDeleted: () => void }) {
  const { run, error, fail } = useCommand();
  const [confirming, setConfirming] = useState(false);
  const remove = async (recursive: boolean): Promise<void> => {
    setConfirming(false);
    if (await run((s) => deleteRecord(s, record.id, { recursive }))) onDeleted();
  };
  const ask = (): void => {
    if (canDelete(snapshot, record.id).ok) void remove(false);
    else if (isItem(record) && canDelete(snapshot, record.id, { recursive: true }).ok) setConfirming(true);
    else {
      const verdict = canDelete(snapshot, record.id);
      fail(verdict.ok ? 'It cannot be deleted.' : verdict.reason);
    }
  };
  const inside = confirming ? descendantsOf(snapshot, record.id).length : 0;
  return (
    <div className="item-delete">
      <button type="button" className="button danger" onClick={ask}>
        Delete
      </button>
      <CommandError error={error} />
      {confirming && (
        <ConfirmDialog
          title={`Delete ${quoteName(record.name)} and everything inside?`}
          confirmLabel={`Delete ${countItems(inside + 1)}`}
          onConfirm={() => void remove(true)}
          onCancel={() => setConfirming(false)}
        >
          <p>It holds {countItems(inside)}; they are deleted with it. History keeps them: you can revert the deletion there.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
