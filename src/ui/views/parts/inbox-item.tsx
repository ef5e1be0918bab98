import { useState } from 'react';
import type { ActionRecord, ContextRecord, Day, Snapshot } from '../../../model/index.ts';
import { focusRowSoon } from '../../rows/focus-rows.ts';
import { ItemRow } from '../../rows/item-row.tsx';
import { ClarifyNextForm } from './clarify-next-form.tsx';
import type { PlaceOption } from './place-options.ts';
import { ScheduleForm } from './schedule-form.tsx';
import type { Run } from './use-run.ts';

/** What every inbox item needs from the Process view. */
export interface InboxItemContext {
  snapshot: Snapshot;
  contexts: ContextRecord[];
  places: PlaceOption[];
  today: Day;
  run: Run;
  select: (id: string) => void;
  selectedId: string | undefined;
}

/**
 * One captured action: a row with its Done box, state toggles (n w f), star and keys, and two
 * forms to clarify it at once: a next action with a context and a project, or scheduled for a
 * day. Each form takes the focus when it opens, and Escape closes it.
 */
export function InboxItem({ action, contexts, places, ...rowProps }: InboxItemContext & { action: ActionRecord }) {
  const [form, setForm] = useState<'next' | 'schedule'>();
  const close = (): void => {
    setForm(undefined);
    focusRowSoon(action.id);
  };
  const toggle = (which: 'next' | 'schedule'): void => setForm((open) => (open === which ? undefined : which));
  const chips = (
    <span className="quick-actions" role="group" aria-label={`Clarify ${action.name}`}>
      <button type="button" className="chip" aria-expanded={form === 'next'} onClick={() => toggle('next')}>
        Next…
      </button>
      <button type="button" className="chip" aria-expanded={form === 'schedule'} onClick={() => toggle('schedule')}>
        Schedule…
      </button>
    </span>
  );
  return (
    <ItemRow record={action} meta={chips} {...rowProps}>
      {form === 'next' && <ClarifyNextForm action={action} contexts={contexts} places={places} run={rowProps.run} onClose={close} />}
      {form === 'schedule' && <ScheduleForm action={action} today={rowProps.today} run={rowProps.run} onClose={close} />}
    </ItemRow>
  );
}
