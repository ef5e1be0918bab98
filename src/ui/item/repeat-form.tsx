import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { MAX_REPEAT_EVERY, repeatProblem, todayOf, type Repeat } from '../../model/index.ts';
import { repeatWords } from '../views/parts/describe-day.ts';
import { UNIT_LABELS } from './labels.ts';

const UNITS = Object.keys(UNIT_LABELS) as Array<Repeat['unit']>;

/** Every N days, weeks, months or years from a day, or N units after each completion; Save (Enter) or Cancel (Escape). */
export function RepeatForm({ initial, onSave, onCancel }: { initial: Repeat; onSave: (repeat: Repeat) => void; onCancel: () => void }) {
  const id = useId();
  const [every, setEvery] = useState(String(initial.every));
  const [unit, setUnit] = useState(initial.unit);
  const [from, setFrom] = useState(initial.from);
  const [afterDone, setAfterDone] = useState(initial.afterDone === true);
  const repeat: Repeat = { every: Number(every), unit, from, ...(afterDone ? { afterDone: true } : {}) };
  const problem = repeatProblem(repeat);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onSave(repeat); // the model says what is wrong with it, if anything
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.stopPropagation(); // cancels the form, not the panel
    onCancel();
  };
  return (
    <form className="item-repeat-form" onSubmit={submit} onKeyDown={onKeyDown} aria-label="Repeat">
      <div className="item-repeat-fields">
        <div className="field">
          <label htmlFor={`${id}-every`}>Every</label>
          <input id={`${id}-every`} type="number" inputMode="numeric" min={1} max={MAX_REPEAT_EVERY} value={every} onChange={(e) => setEvery(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-unit`}>Unit</label>
          <select id={`${id}-unit`} value={unit} onChange={(e) => setUnit(e.target.value as Repeat['unit'])}>
            {UNITS.map((u) => (
              <option key={u} value={u}>
                {UNIT_LABELS[u]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>Starting</label>
          <input id={`${id}-from`} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
      </div>
      <label className="item-check">
        <input type="checkbox" checked={afterDone} onChange={(e) => setAfterDone(e.target.checked)} /> Count from each completion (“{Number(every) || 1} {UNIT_LABELS[unit]} after done”), not on a fixed cadence
      </label>
      <p className="hint" aria-live="polite">
        {problem ?? `Repeats ${repeatWords(repeat, todayOf(new Date()))}.`}
      </p>
      <p className="button-row">
        <button type="submit" className="button primary">
          Save repeat
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </form>
  );
}
