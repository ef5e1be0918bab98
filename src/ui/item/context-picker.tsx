import { updateRecord, type ActionRecord, type Snapshot } from '../../model/index.ts';
import { CommandError } from './command-error.tsx';
import { referenceOptions, withCurrent } from './item-options.ts';
import { ReferencePicker } from './reference-picker.tsx';
import { useCommand } from './use-command.ts';

/** Where or with what an action is done: a context, or none. */
export function ContextPicker({ snapshot, action }: { snapshot: Snapshot; action: ActionRecord }) {
  const { run, error } = useCommand();
  const options = withCurrent(referenceOptions(snapshot, 'context'), action.context, 'A context that is gone');
  const choose = (context: string | undefined): void => void run((s) => updateRecord(s, action.id, { context: context ?? null }, new Date()));
  return (
    <div>
      <ReferencePicker label="Context" value={action.context} options={options} empty={{ label: 'None', choosable: true }} onChoose={choose} />
      <CommandError error={error} />
    </div>
  );
}
