import { useId, useState, type FormEvent } from 'react';
import { addDays, parseDay, quoteName, updateRecord, type ActionRecord, type Day } from '../../../model/index.ts';
import { describeDay } from './describe-day.ts';
import { closeOnEscape } from './close-on-escape.ts';
import type { Run } from './use-run.ts';

/** Schedules an action for a day (tomorrow unless changed): it leaves the lists until then. */
export function ScheduleForm({ action, today, run, onClose }: { action: ActionRecord; today: Day; run: Run; onClose: () => void }) {
  const id = useId();
  const [day, setDay] = useState(action.waitUntil ?? addDays(today, 1));
  const valid = parseDay(day) !== undefined;
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!valid) return;
    const words = describeDay(day, today).long;
    if (await run((s) => updateRecord(s, action.id, { waitUntil: day }, new Date()), `${quoteName(action.name)} is scheduled for ${words}.`)) onClose();
  };
  return (
    <form className="inline-form" aria-label={`Schedule ${action.name}`} onSubmit={(event) => void submit(event)} onKeyDown={(event) => closeOnEscape(event, onClose)}>
      <label htmlFor={`${id}-day`}>Day</label>
      <input id={`${id}-day`} type="date" value={day} required autoFocus onChange={(event) => setDay(event.target.value)} />
      <div className="button-row">
        <button type="submit" className="button primary" disabled={!valid}>
          Schedule
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
