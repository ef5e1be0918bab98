import type { ContactEntry } from '../../../model/index.ts';
import { ActionRow, type ActionRowProps } from './action-row.tsx';
import { useGroupAdder } from '../../items/group-adder.tsx';
import { RecordButton } from './record-button.tsx';

/** One contact: the actions waiting on them ("+" adds one), and the other items that name them. */
export function ContactCard({ entry, ...rowProps }: ActionRowProps & { entry: ContactEntry }) {
  const { contact, waitingOn, items } = entry;
  const { button, form } = useGroupAdder({ kind: 'action', state: 'waiting-for-contact', contact: contact.id }, `Waiting for ${contact.name}`, `contact-add:${contact.id}`, rowProps.run);
  return (
    <li className="card contact-card" aria-label={contact.name}>
      <div className="item-group-head">
        <h2 className="contact-name">
          <RecordButton record={contact} select={rowProps.select} selectedId={rowProps.selectedId} />
          {contact.email && <span className="muted contact-email">{contact.email}</span>}
        </h2>
        {button}
      </div>
      {form}
      {waitingOn.length === 0 && items.length === 0 && <p className="muted">Nothing waits on them.</p>}
      {waitingOn.length > 0 && (
        <>
          <h3 className="project-title">Waiting on them</h3>
          <ul className="action-list">
            {waitingOn.map((action) => (
              <ActionRow key={action.id} action={action} {...rowProps} />
            ))}
          </ul>
        </>
      )}
      {items.length > 0 && (
        <>
          <h3 className="project-title">Also linked</h3>
          <ul className="plain-list">
            {items.map((item) => (
              <li key={item.id}>
                <RecordButton record={item} select={rowProps.select} selectedId={rowProps.selectedId} /> <span className="muted">({item.kind})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </li>
  );
}
