import { useId, useState } from 'react';
import { createRecord, quoteName, type Day, type Repeat } from '../../../model/index.ts';
import { InlineNameForm } from './inline-name-form.tsx';
import { newId, type Run } from './use-run.ts';

const REPEATS: Array<[string, string]> = [
  ['', 'Does not repeat'],
  ['day', 'Every day'],
  ['week', 'Every week'],
  ['month', 'Every month'],
  ['year', 'Every year'],
];

/** Where what is typed in the form for `day` is kept until it is added. */
export function scheduleDraftKey(day: Day): string {
  return `schedule-add:${day}`;
}

/** Adds an action scheduled for `day`, optionally repeating from that day. */
export function ScheduleAddForm({ day, dayWords, run, onClose }: { day: Day; dayWords: string; run: Run; onClose: () => void }) {
  const id = useId();
  const [unit, setUnit] = useState('');
  const add = (name: string): Promise<boolean> => {
    const repeat: Repeat | undefined = unit ? { every: 1, unit: unit as Repeat['unit'], from: day } : undefined;
    const input = { kind: 'action' as const, name, waitUntil: day, ...(repeat ? { repeat } : {}) };
    return run((s) => createRecord(s, input, new Date(), newId), `Scheduled ${quoteName(name)} for ${dayWords}.`);
  };
  return (
    <InlineNameForm title={`Add an action on ${dayWords}`} label="Action" draftKey={scheduleDraftKey(day)} onSubmit={add} onCancel={onClose} autoFocus>
      <label htmlFor={`${id}-repeat`}>Repeat</label>
      <select id={`${id}-repeat`} value={unit} onChange={(event) => setUnit(event.target.value)}>
        {REPEATS.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </InlineNameForm>
  );
}
