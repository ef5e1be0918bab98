import { useState } from 'react';
import { completeAction, quoteName, updateRecord, type ActionRecord } from '../../../model/index.ts';
import type { Run } from './use-run.ts';

/**
 * Ticks an action off (`completeAction`: a repeating one returns on its next day), or, once
 * done, back to a next action. The box shows the new state at once, while the commit is made,
 * and goes back if it failed.
 */
export function DoneCheckbox({ action, run }: { action: ActionRecord; run: Run }) {
  const done = action.state === 'done';
  const [pending, setPending] = useState<boolean>();
  const toggle = async (): Promise<void> => {
    setPending(!done);
    if (done) await run((s) => updateRecord(s, action.id, { state: 'next' }, new Date()), `${quoteName(action.name)} is a next action again.`);
    else await run((s) => completeAction(s, action.id, new Date()));
    setPending(undefined);
  };
  return <input type="checkbox" className="done-box" checked={pending ?? done} aria-label={`Done: ${action.name}`} onChange={() => void toggle()} />;
}
