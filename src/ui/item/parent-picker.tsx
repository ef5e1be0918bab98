import { canMove, updateRecord, type ItemRecord, type Snapshot } from '../../model/index.ts';
import { CommandError } from './command-error.tsx';
import { parentOptions, withCurrent } from './item-options.ts';
import { ReferencePicker } from './reference-picker.tsx';
import { useCommand } from './use-command.ts';

/**
 * The area or project an item sits in (or the top level). Every area and project but the item
 * and what is inside it is offered; a move the tree's rules refuse (an area into a project)
 * says why instead of moving.
 */
export function ParentPicker({ snapshot, item }: { snapshot: Snapshot; item: ItemRecord }) {
  const { run, error, fail } = useCommand();
  const options = withCurrent(parentOptions(snapshot, item), item.parent, 'An item that is gone');
  const choose = (parent: string | undefined): void => {
    const verdict = canMove(snapshot, item.id, parent);
    if (!verdict.ok) fail(verdict.reason);
    else void run((s) => updateRecord(s, item.id, { parent: parent ?? null }, new Date()));
  };
  return (
    <div>
      <ReferencePicker label="Parent" value={item.parent} options={options} empty={{ label: 'Top level', choosable: true }} onChoose={choose} />
      <CommandError error={error} />
    </div>
  );
}
