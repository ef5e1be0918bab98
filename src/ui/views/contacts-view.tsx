import { PlaceholderView } from './placeholder-view.tsx';
import { recordsOf } from './records-of.ts';
import type { ViewProps } from './view-props.ts';

/** Contacts and contexts. Placeholder until the real view lands. */
export function ContactsView({ snapshot, select }: ViewProps) {
  const contacts = recordsOf(snapshot, 'contact');
  const counts = [
    { label: 'Contacts', value: contacts.length },
    { label: 'Contexts', value: recordsOf(snapshot, 'context').length },
  ];
  return <PlaceholderView view="contacts" counts={counts} records={contacts} select={select} />;
}
