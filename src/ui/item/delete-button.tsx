import { useState } from 'react';
import { canDelete, countItems, deleteRecord, descendantsOf, isItem, quoteName, type AnyRecord, type Snapshot } from '../../model/index.ts';
import { CommandError } from './command-error.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { useCommand } from './use-command.ts';

/** How many of the items inside the confirmation names before "and N more". */
const NAMED = 5;

/**
 * Delete. A contact or context still in use is refused, naming who uses it; an item with
 * items inside asks first, naming what goes with it, then deletes it with everything inside
 * (one commit; a toast offers Undo, and History can revert it).
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
  const inside = confirming ? descendantsOf(snapshot, record.id) : [];
  const named = inside.slice(0, NAMED);
  const more = inside.length - named.length;
  return (
    <div className="item-delete">
      <button type="button" className="button danger" onClick={ask}>
        Delete
      </button>
      <CommandError error={error} />
      {confirming && (
        <ConfirmDialog
          title={`Delete ${quoteName(record.name)} and everything inside?`}
          confirmLabel={`Delete ${countItems(inside.length + 1)}`}
          onConfirm={() => void remove(true)}
          onCancel={() => setConfirming(false)}
        >
          <p>It holds {countItems(inside.length)}, deleted with it:</p>
          <ul className="delete-list">
            {named.map((item) => (
              <li key={item.id}>{quoteName(item.name)}</li>
            ))}
            {more > 0 && <li>and {more} more</li>}
          </ul>
          <p>You can undo it afterwards, and History keeps everything.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
