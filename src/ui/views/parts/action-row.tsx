import type { ActionRecord, Day, Snapshot } from '../../../model/index.ts';
import { ActionMeta } from './action-meta.tsx';
import { DoneCheckbox } from './done-checkbox.tsx';
import { RecordButton } from './record-button.tsx';
import { StarButton } from './star-button.tsx';
import type { Run } from './use-run.ts';

/** What a row of actions needs from its view. */
export interface ActionRowProps {
  snapshot: Snapshot;
  today: Day;
  run: Run;
  select: (id: string) => void;
  selectedId: string | undefined;
}

/** One action: its Done box, its star, its name (selects it), and its due and repeat notes. */
export function ActionRow({ action, ...props }: ActionRowProps & { action: ActionRecord }) {
  return (
    <li className={`action-row${action.id === props.selectedId ? ' selected' : ''}${action.state === 'done' ? ' is-done' : ''}`}>
      <DoneCheckbox action={action} run={props.run} />
      <StarButton record={action} run={props.run} />
      <span className="action-text">
        <RecordButton record={action} select={props.select} selectedId={props.selectedId} />
        <ActionMeta action={action} snapshot={props.snapshot} today={props.today} />
      </span>
    </li>
  );
}
