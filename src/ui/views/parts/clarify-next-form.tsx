import { useId, useState, type FormEvent } from 'react';
import { quoteName, updateRecord, type ActionRecord, type ContextRecord } from '../../../model/index.ts';
import type { PlaceOption } from './place-options.ts';
import { closeOnEscape } from './close-on-escape.ts';
import type { Run } from './use-run.ts';

interface ClarifyNextFormProps {
  action: ActionRecord;
  contexts: ContextRecord[];
  places: PlaceOption[];
  run: Run;
  onClose: () => void;
}

/** Makes an inbox action a next action, with a context and a project or area to go in (both optional). */
export function ClarifyNextForm({ action, contexts, places, run, onClose }: ClarifyNextFormProps) {
  const id = useId();
  const [context, setContext] = useState(action.context ?? '');
  const [place, setPlace] = useState(action.parent ?? '');
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const patch = { state: 'next' as const, context: context || null, parent: place || null };
    if (await run((s) => updateRecord(s, action.id, patch, new Date()), `${quoteName(action.name)} is a next action.`)) onClose();
  };
  return (
    <form className="inline-form" aria-label={`Make ${action.name} a next action`} onSubmit={(event) => void submit(event)} onKeyDown={(event) => closeOnEscape(event, onClose)}>
      <label htmlFor={`${id}-context`}>Context</label>
      <select id={`${id}-context`} value={context} autoFocus onChange={(event) => setContext(event.target.value)}>
        <option value="">No context</option>
        {contexts.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-place`}>Project or area</label>
      <select id={`${id}-place`} value={place} onChange={(event) => setPlace(event.target.value)}>
        <option value="">None</option>
        {places.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
            {option.kind === 'area' ? ' (area)' : ''}
          </option>
        ))}
      </select>
      <div className="button-row">
        <button type="submit" className="button primary">
          Make next
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
