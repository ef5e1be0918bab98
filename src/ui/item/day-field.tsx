import { useId, useState, type FormEvent } from 'react';
import { parseDay, type Day } from '../../model/index.ts';

/** Props of {@link DayField}. */
export interface DayFieldProps {
  label: string;
  /** The saved day, if any. */
  value: Day | undefined;
  /** What the field starts with when there is no saved day. */
  initial: Day;
  submitLabel: string;
  /** Saves `day`; resolves true when saved. */
  onCommit(day: Day): Promise<boolean>;
  onInvalid(message: string): void;
}

/**
 * A date input and a button that saves it (Enter too). A date input reports a day while its
 * year is still being typed, so nothing is saved until asked.
 */
export function DayField({ label, value, initial, submitLabel, onCommit, onInvalid }: DayFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string>();
  const shown = draft ?? value ?? initial;
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const day = parseDay(shown);
    if (day === undefined) onInvalid('Choose a day: the date is not complete.');
    else if (await onCommit(day)) setDraft(undefined);
  };
  const unchanged = value !== undefined && shown === value;
  return (
    <form className="field item-inline-form" onSubmit={(event) => void submit(event)}>
      <label htmlFor={id}>{label}</label>
      <span className="item-inline">
        <input id={id} type="date" value={shown} onChange={(event) => setDraft(event.target.value)} />
        <button type="submit" className="button" disabled={unchanged}>
          {submitLabel}
        </button>
      </span>
    </form>
  );
}
