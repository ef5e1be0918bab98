import { isItem, type AnyRecord, type Snapshot } from '../../model/index.ts';
import { useReadOnly } from '../time-travel/time-travel-context.ts';
import { ItemContents } from '../items/item-contents.tsx';
import { ActionFields } from './action-fields.tsx';
import { ConflictNotes } from './conflict-notes.tsx';
import { ContactPicker } from './contact-picker.tsx';
import { ConvertButtons } from './convert-buttons.tsx';
import { DeleteButton } from './delete-button.tsx';
import { DescriptionEditor } from './description-editor.tsx';
import { EmailField } from './email-field.tsx';
import { CreatedLine, DeadlineField, ProjectReviewed } from './item-dates.tsx';
import { ItemHeader } from './item-header.tsx';
import { LogEntryForm } from './log-entry-form.tsx';
import { ParentPicker } from './parent-picker.tsx';
import { ProjectStateEditor } from './project-state-editor.tsx';

/** Props of {@link ItemEditor}. */
export interface ItemEditorProps {
  snapshot: Snapshot;
  record: AnyRecord;
  /** Shows another record (a breadcrumb's). */
  onSelect(id: string): void;
  onClose(): void;
  /** The name field takes the focus (an item just opened, not one brought back to the front). */
  focusName?: boolean;
}

/**
 * Everything about one record, each part saving on its own through a model command: the
 * header (name, star, where it sits), merge notes, what its kind has (an action's state,
 * context, contact, repeat and Done; a project's state; an area's contact; a contact's
 * email), where it sits, its notes and log, converting and deleting.
 */
export function ItemEditor({ snapshot, record, onSelect, onClose, focusName = false }: ItemEditorProps) {
  // Time travel shows a past commit: everything that writes is disabled (commands would refuse).
  const readOnly = useReadOnly();
  return (
    <div className="item-editor">
      <ItemHeader snapshot={snapshot} record={record} readOnly={readOnly} focusName={focusName} onSelect={onSelect} onClose={onClose} />
      {readOnly && <p className="hint">Read-only: this is the item as it was then. Go back to now to change it.</p>}
      <fieldset className="item-fields" disabled={readOnly}>
        <legend className="visually-hidden">Edit {record.name}</legend>
        <ItemFields snapshot={snapshot} record={record} onClose={onClose} onSelect={onSelect} />
      </fieldset>
    </div>
  );
}

/** The parts below the header. */
function ItemFields({ snapshot, record, onClose, onSelect }: { snapshot: Snapshot; record: AnyRecord; onClose: () => void; onSelect: (id: string) => void }) {
  const item = isItem(record) ? record : undefined;
  return (
    <>
      <ConflictNotes record={record} />
      {record.kind === 'action' && <ActionFields snapshot={snapshot} action={record} />}
      {record.kind === 'project' && <ProjectStateEditor project={record} />}
      <ItemContents snapshot={snapshot} record={record} onSelect={onSelect} />
      {record.kind === 'project' && <ProjectReviewed project={record} />}
      {(record.kind === 'action' || record.kind === 'project') && <DeadlineField item={record} />}
      {record.kind === 'contact' && <EmailField contact={record} />}
      {item && (
        <div className="item-pickers">
          <ParentPicker snapshot={snapshot} item={item} />
          {item.kind !== 'action' && <ContactPicker snapshot={snapshot} item={item} />}
        </div>
      )}
      <section className="item-section" aria-label="Notes">
        <DescriptionEditor record={record} />
        <LogEntryForm record={record} />
      </section>
      <CreatedLine record={record} />
      <section className="item-section item-danger-zone" aria-label="Convert and delete">
        {item && <ConvertButtons snapshot={snapshot} item={item} />}
        <DeleteButton snapshot={snapshot} record={record} onDeleted={onClose} />
      </section>
    </>
  );
}
