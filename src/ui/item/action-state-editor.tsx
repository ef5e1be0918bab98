import { useState } from 'react';
import { addDays, STATES, todayOf, updateRecord, type ActionRecord, type ActionState, type Day, type Snapshot } from '../../model/index.ts';
import { CommandError } from './command-error.tsx';
import { DayField } from './day-field.tsx';
import { referenceOptions } from './item-options.ts';
import { ACTION_STATE_LABELS } from './labels.ts';
import { ReferencePicker } from './reference-picker.tsx';
import { StateRadios } from './state-radios.tsx';
import { useCommand } from './use-command.ts';

/** The states that need more than a click: whom to wait for, or the day. */
type Pending = 'waiting-for-contact' | 'scheduled';

/**
 * An action's state. Waiting for a contact needs the contact and scheduled needs the day: when
 * the action has none, choosing the state asks for it first and saves both together. While it
 * waits for a contact, the one contact field is "Waiting for whom?" (no second picker).
 */
export function ActionStateEditor({ snapshot, action }: { snapshot: Snapshot; action: ActionRecord }) {
  const { run, error, fail } = useCommand();
  const [pending, setPending] = useState<Pending>();
  const [saving, setSaving] = useState<ActionState>(); // shown checked until the commit lands
  const update = async (patch: Parameters<typeof updateRecord>[2]): Promise<boolean> => {
    const saved = await run((s) => updateRecord(s, action.id, patch, new Date()));
    if (saved) setPending(undefined);
    setSaving(undefined);
    return saved;
  };
  const choose = (state: ActionState): void => {
    if (state === 'waiting-for-contact' && action.contact === undefined) setPending(state);
    else if (state === 'scheduled' && action.waitUntil === undefined) setPending(state);
    else {
      setPending(undefined);
      setSaving(state);
      void update({ state });
    }
  };
  const shown = pending ?? saving ?? action.state;
  const tomorrow: Day = addDays(todayOf(new Date()), 1);
  return (
    <div className="item-state-editor">
      <StateRadios states={STATES.action} labels={ACTION_STATE_LABELS} value={shown} onChoose={choose} />
      {shown === 'waiting-for-contact' && (
        <>
          <ReferencePicker
            label="Waiting for whom?"
            value={pending ? undefined : action.contact}
            options={referenceOptions(snapshot, 'contact')}
            empty={{ label: 'Choose a contact…', choosable: false }}
            onChoose={(contact) => contact !== undefined && void update({ state: 'waiting-for-contact', contact })}
          />
          {referenceOptions(snapshot, 'contact').length === 0 && <p className="hint">There are no contacts yet: add one under Contacts first.</p>}
        </>
      )}
      {shown === 'scheduled' && (
        <DayField
          key={pending ?? 'saved'}
          label={pending ? 'Becomes due on' : 'Due on'}
          value={action.waitUntil}
          initial={tomorrow}
          submitLabel={pending ? 'Schedule' : 'Change day'}
          onCommit={(waitUntil) => update({ state: 'scheduled', waitUntil })}
          onInvalid={fail}
        />
      )}
      <CommandError error={error} />
    </div>
  );
}
