import { useId, type FormEvent } from 'react';
import { addLogEntry, type AnyRecord } from '../../model/index.ts';
import { DraftNote, readDraft, useDraft } from '../drafts/index.ts';
import { CommandError } from './command-error.tsx';
import { useCommand } from './use-command.ts';

/**
 * Adds a dated line ("2026-01-05 Called the bank") to the record's notes. What is typed is kept
 * as a draft until it is added, so leaving the item or reloading never loses it; it is marked
 * when it is found again.
 */
export function LogEntryForm({ record }: { record: AnyRecord }) {
  const id = useId();
  const { run, error } = useCommand();
  const draft = useDraft(`log:${record.id}`);
  const text = draft.text ?? '';
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!(await run((s) => addLogEntry(s, record.id, text, new Date())))) return;
    if (readDraft(`log:${record.id}`)?.text === text) draft.clear();
  };
  return (
    <form className="field item-inline-form" onSubmit={(event) => void submit(event)}>
      <label htmlFor={id}>Add log entry</label>
      <DraftNote since={text ? draft.keptSince : undefined} howToSave="Add puts it in the notes." />
      <span className="item-inline">
        <input id={id} value={text} placeholder="What happened today" onChange={(event) => (event.target.value ? draft.set(event.target.value) : draft.clear())} />
        <button type="submit" className="button">
          Add
        </button>
      </span>
      <CommandError error={error} />
    </form>
  );
}
