import { useCallback, useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { tickChecklistItem, updateRecord, type AnyRecord } from '../../model/index.ts';
import { DraftNote, readDraft, useDraft, useOnLeave, writeDraft } from '../drafts/index.ts';
import { MarkdownView } from '../markdown/index.ts';
import { useToasts } from '../toast/toast-context.ts';
import { CommandError } from './command-error.tsx';
import { useCommand } from './use-command.ts';
import { useSaveOnLeave } from './use-save-on-leave.ts';

/**
 * A record's markdown notes: shown rendered (and sanitized), edited as text. What is typed is
 * kept as a draft at once (a reload brings it back, marked); it is saved by Save or
 * Ctrl+Enter, and when the person leaves the field: focus elsewhere in the page, another item,
 * the panel closing. Escape or Cancel discards the edit, with Undo on a toast.
 */
export function DescriptionEditor({ record }: { record: AnyRecord }) {
  const id = useId();
  const { run, error } = useCommand();
  const toasts = useToasts();
  const key = `notes:${record.id}`;
  const draft = useDraft(key);
  const saved = record.description ?? '';
  const editButton = useRef<HTMLButtonElement>(null);
  const [refocus, setRefocus] = useState(false);
  // Opened for editing, the caret goes after the notes, where a person adds to them (a plain
  // focus would leave it before the first letter).
  const focusAtEnd = useCallback((field: HTMLTextAreaElement | null) => {
    if (!field) return;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }, []);
  const editing = draft.text !== undefined;
  // A draft found from an earlier visit that is what is saved (it was saved, and the page went
  // before the draft was forgotten) is no draft.
  const { keptSince, text: draftText, clear: clearKept } = draft;
  useEffect(() => {
    if (keptSince !== undefined && draftText === saved) clearKept();
  }, [keptSince, draftText, saved, clearKept]);
  useEffect(() => {
    if (refocus && !editing) editButton.current?.focus();
    if (refocus) setRefocus(false);
  }, [refocus, editing]);

  const save = async (options: { refocus: boolean }): Promise<void> => {
    const text = draft.text;
    if (text === undefined) return;
    if (text !== saved && !(await run((s) => updateRecord(s, record.id, { description: text }, new Date())))) return;
    // Typing may have gone on while the commit was made: only what was saved leaves the draft.
    if (readDraft(key)?.text === text) draft.clear();
    if (options.refocus) setRefocus(true);
  };
  const discard = (): void => {
    const text = draft.text;
    draft.clear();
    setRefocus(true);
    if (text !== undefined && text !== saved) {
      toasts.show({ text: 'Discarded the notes you were editing.', action: { label: 'Undo', run: () => writeDraft(key, text) } });
    }
  };
  const saveOnLeave = useSaveOnLeave();
  useOnLeave(() => {
    const text = readDraft(key)?.text;
    if (text !== undefined && text !== saved) saveOnLeave(key, record, (s) => updateRecord(s, record.id, { description: text }, new Date()), text);
  });
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save({ refocus: true });
    } else if (event.key === 'Escape') {
      event.stopPropagation(); // cancels the edit, not the panel
      discard();
    }
  };
  const onBlur = (event: FocusEvent<HTMLFormElement>): void => {
    // Focus moving to Save or Cancel is still editing; the window losing focus is not leaving.
    if (event.currentTarget.contains(event.relatedTarget as Node | null) || !document.hasFocus()) return;
    void save({ refocus: false });
  };

  if (draft.text !== undefined) {
    return (
      <form
        className="item-notes"
        onSubmit={(event) => {
          event.preventDefault();
          void save({ refocus: true });
        }}
        onBlur={onBlur}
      >
        <label htmlFor={id} className="item-label">
          Notes (Markdown)
        </label>
        <DraftNote since={draft.text !== saved ? draft.keptSince : undefined} howToSave="Save keeps it; Cancel discards it." />
        <textarea
          id={id}
          rows={8}
          value={draft.text}
          ref={focusAtEnd}
          onChange={(event) => draft.set(event.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby={`${id}-keys`}
        />
        <p id={`${id}-keys`} className="hint">
          Saved when you leave the field; <kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves now, <kbd>Esc</kbd> discards.
        </p>
        <p className="button-row">
          <button type="submit" className="button primary">
            Save
          </button>
          <button type="button" className="button" onClick={discard}>
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
      {record.description ? (
        <MarkdownView markdown={record.description} className="markdown item-markdown" onTick={(index, checked) => void run((s) => tickChecklistItem(s, record.id, index, checked))} />
      ) : (
        <p className="muted">No notes.</p>
      )}
      <button ref={editButton} type="button" className="button" onClick={() => draft.set(saved)}>
        {record.description ? 'Edit notes' : 'Add notes'}
      </button>
      <CommandError error={error} />
    </div>
  );
}
