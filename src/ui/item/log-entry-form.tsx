import { useId, useState, type FormEvent } from 'react';
import { addLogEntry, type AnyRecord } from '../../model/index.ts';
import { CommandError } from './command-error.tsx';
import { useCommand } from './use-command.ts';

/** Adds a dated line ("2026-01-05 Called the bank") to the record's notes. */
export function LogEntryForm({ record }: { record: AnyRecord }) {
  const id = useId();
  const { run, error } = useCommand();
  const [text, setText] = useState('');
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (await run((s) => addLogEntry(s, record.id, text, new Date()))) setText('');
  };
  return (
    <form className="field item-inline-form" onSubmit={(event) => void submit(event)}>
      <label htmlFor={id}>Add log entry</label>
      <span className="item-inline">
        <input id={id} value={text} placeholder="What happened today" onChange={(event) => setText(event.target.value)} />
        <button type="submit" className="button">
          Add
        </button>
      </span>
      <CommandError error={error} />
    </form>
  );
}
