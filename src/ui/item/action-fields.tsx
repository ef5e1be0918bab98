import type { ActionRecord, Snapshot } from '../../model/index.ts';
import { ActionStateEditor } from './action-state-editor.tsx';
import { ContactPicker } from './contact-picker.tsx';
import { ContextPicker } from './context-picker.tsx';
import { DoneButton } from './done-button.tsx';
import { RepeatEditor } from './repeat-editor.tsx';

/** What only an action has: Done, its state, context, contact and repeat. */
export function ActionFields({ snapshot, action }: { snapshot: Snapshot; action: ActionRecord }) {
  return (
    <>
      <DoneButton action={action} />
      <ActionStateEditor snapshot={snapshot} action={action} />
      <div className="item-pickers">
        <ContextPicker snapshot={snapshot} action={action} />
        {/* Waiting for a contact, the state editor's "Waiting for whom?" is the contact field. */}
        {action.state !== 'waiting-for-contact' && <ContactPicker snapshot={snapshot} item={action} />}
      </div>
      <RepeatEditor action={action} />
    </>
  );
}
