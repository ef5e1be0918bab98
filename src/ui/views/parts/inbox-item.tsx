import { useId, useState } from 'react';
import { completeAction, quoteName, updateRecord, type ActionRecord, type ContextRecord, type Day } from '../../../model/index.ts';
import { ClarifyNextForm } from './clarify-next-form.tsx';
import type { PlaceOption } from './place-options.ts';
import { RecordButton } from './record-button.tsx';
import { ScheduleForm } from './schedule-form.tsx';
import type { Run } from './use-run.ts';

/** What every inbox item needs from the Process view. */
export interface InboxItemContext {
  contexts: ContextRecord[];
  places: PlaceOption[];
  today: Day;
  run: Run;
  select: (id: string) => void;
  selectedId: string | undefined;
}

/**
 * One captured action and the quick ways to clarify it: a next action (with a context and a
 * project), scheduled for a day, someday (future), or already done. Each button is described
 * by the item's name, so "Next" is "Next, Buy milk" to a screen reader.
 */
export function InboxItem({ action, ...ctx }: InboxItemContext & { action: ActionRecord }) {
  const nameId = useId();
  const [form, setForm] = useState<'next' | 'schedule'>();
  const close = (): void => setForm(undefined);
  const toggle = (which: 'next' | 'schedule'): void => setForm((open) => (open === which ? undefined : which));
  const later = (): void => void ctx.run((s) => updateRecord(s, action.id, { state: 'future' }, new Date()), `${quoteName(action.name)} is for someday.`);
  const done = (): void => void ctx.run((s) => completeAction(s, action.id, new Date()), `${quoteName(action.name)} is done.`);
  return (
    <li className={`inbox-item${action.id === ctx.selectedId ? ' selected' : ''}`}>
      <div className="inbox-line">
        <RecordButton id={nameId} record={action} select={ctx.select} selectedId={ctx.selectedId} />
        <div className="quick-actions" role="group" aria-labelledby={nameId}>
          <button type="button" className="chip" aria-describedby={nameId} aria-expanded={form === 'next'} onClick={() => toggle('next')}>
            Next…
          </button>
          <button type="button" className="chip" aria-describedby={nameId} aria-expanded={form === 'schedule'} onClick={() => toggle('schedule')}>
            Schedule…
          </button>
          <button type="button" className="chip" aria-describedby={nameId} onClick={later}>
            Someday
          </button>
          <button type="button" className="chip" aria-describedby={nameId} onClick={done}>
            Done
          </button>
        </div>
      </div>
      {form === 'next' && <ClarifyNextForm action={action} contexts={ctx.contexts} places={ctx.places} run={ctx.run} onClose={close} />}
      {form === 'schedule' && <ScheduleForm action={action} today={ctx.today} run={ctx.run} onClose={close} />}
    </li>
  );
}
