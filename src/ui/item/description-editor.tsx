import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { updateRecord, type AnyRecord } from '../../model/index.ts';
import { MarkdownView } from '../markdown/index.ts';
import { CommandError } from './command-error.tsx';
import { useCommand } from './use-command.ts';

/**
 * A record's markdown notes: shown rendered (and sanitized), edited as text. Ctrl+Enter (or
 * Cmd+Enter) saves, Escape cancels; focus comes back to "Edit notes" either way.
 */
export function DescriptionEditor({ record }: { record: AnyRecord }) {
  const id = useId();
  const { run, error } = useCommand();
  const [draft, setDraft] = useState<string>();
  const editButton = useRef<HTMLButtonElement>(null);
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (refocus && draft === undefined) editButton.current?.focus();
    if (refocus) setRefocus(false);
  }, [refocus, draft]);
  const finish = (): void => {
    setDraft(undefined);
    setRefocus(true);
  };
  const save = async (event?: FormEvent): Promise<void> => {
    event?.preventDefault();
    if (draft === undefined) return;
    if (await run((s) => updateRecord(s, record.id, { description: draft }, new Date()))) finish();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      event.stopPropagation(); // cancels the edit, not the panel
      finish();
    }
  };
  if (draft !== undefined) {
    return (
      <form className="item-notes" onSubmit={(event) => void save(event)}>
        <label htmlFor={id} className="item-label">
          Notes (Markdown)
        </label>
        <textarea id={id} rows={8} value={draft} autoFocus onChange={(event) => setDraft(event.target.value)} onKeyDown={onKeyDown} aria-describedby={`${id}-keys`} />
        <p id={`${id}-keys`} className="hint">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves, <kbd>Esc</kbd> cancels.
        </p>
        <p className="button-row">
          <button type="submit" className="button primary">
            Save
          </button>
          <button type="button" className="button" onClick={finish}>
            Cancel
          </button>
        </p>
        <CommandError error={error} />
      </form>
    );
  }
  return (
    <div className="item-notes">
      <h3 className="item-label">Notes</h3>
      {record.description ? <MarkdownView markdown={record.description} className="markdown item-markdown" /> : <p className="muted">No notes.</p>}
      <button ref={editButton} type="button" className="button" onClick={() => setDraft(record.description ?? '')}>
        {record.description ? 'Edit notes' : 'Add notes'}
      </button>
      <CommandError error={error} />
    </div>
  );
}
