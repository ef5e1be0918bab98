import { Fragment, useEffect, useRef } from 'react';
import { SHORTCUTS, keysOf, type Shortcut } from '../shortcuts.ts';
import { RowKeysHelp } from './row-keys-help.tsx';
import { ShortcutTable } from './shortcut-table.tsx';

const GROUPS: Array<Shortcut['group']> = ['Go to', 'General'];

/** One sequence as keys: `g` then `w`. */
function Keys({ sequence }: { sequence: string }) {
  return (
    <span className="keys">
      {keysOf(sequence).map((key, i) => (
        <Fragment key={i}>
          {i > 0 && <span className="muted"> then </span>}
          <kbd>{key}</kbd>
        </Fragment>
      ))}
    </span>
  );
}

/** Every keyboard shortcut, read from the one table the key handler uses. */
export function HelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="help-title" onClose={onClose}>
      <h2 id="help-title">Keyboard shortcuts</h2>
      {GROUPS.map((group) => (
        <ShortcutTable
          key={group}
          label={group}
          rows={SHORTCUTS.filter((shortcut) => shortcut.group === group).map((shortcut) => ({
            id: shortcut.description,
            choices: shortcut.sequences.map((sequence) => <Keys key={sequence} sequence={sequence} />),
            description: shortcut.description,
          }))}
        />
      ))}
      <RowKeysHelp />
      <form method="dialog" className="button-row">
        <button type="submit" className="button primary" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
