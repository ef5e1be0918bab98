import { updateRecord, type ItemRecord, type Snapshot } from '../../model/index.ts';
import { CommandError } from './command-error.tsx';
import { referenceOptions, withCurrent } from './item-options.ts';
import { ReferencePicker } from './reference-picker.tsx';
import { useCommand } from './use-command.ts';

/** Who an area, project or action is for (or, waiting for a contact, who it waits on); or no one. */
export function ContactPicker({ snapshot, item }: { snapshot: Snapshot; item: ItemRecord }) {
  const { run, error } = useCommand();
  const options = withCurrent(referenceOptions(snapshot, 'contact'), item.contact, 'A contact who is gone');
  const choose = (contact: string | undefined): void => void run((s) => updateRecord(s, item.id, { contact: contact ?? null }, new Date()));
  const label = item.kind === 'action' && item.state === 'waiting-for-contact' ? 'Waiting for' : 'Contact';
  return (
    <div>
      <ReferencePicker label={label} value={item.contact} options={options} empty={{ label: 'None', choosable: true }} onChoose={choose} />
      <CommandError error={error} />
    </div>
  );
}
