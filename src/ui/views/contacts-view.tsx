import { useMemo } from 'react';
import { contactsView } from '../../model/index.ts';
import { DraftMark, useDraftWaiting } from '../drafts/index.ts';
import { AddContactForm, CONTACT_DRAFT_KEYS } from './parts/add-contact-form.tsx';
import { ContactCard } from './parts/contact-card.tsx';
import { ContextsSection } from './parts/contexts-section.tsx';
import { contextsByName } from './parts/place-options.ts';
import { useInlineForm } from './parts/use-inline-form.ts';
import { useRun } from './parts/use-run.ts';
import { useToday } from './parts/use-today.ts';
import { ViewFeedback } from './parts/view-feedback.tsx';
import { ViewHeading } from './parts/view-heading.tsx';
import type { ViewProps } from './view-props.ts';

/** Contacts: each person with what waits on them; and the contexts. */
export function ContactsView({ snapshot, tasks, select, selectedId }: ViewProps) {
  const today = useToday();
  const { opened: adding, toggle, close } = useInlineForm<true>();
  const drafted = useDraftWaiting(...CONTACT_DRAFT_KEYS) && !adding;
  const { run, feedback, dismiss } = useRun(tasks);
  const entries = useMemo(() => contactsView(snapshot), [snapshot]);
  const contexts = useMemo(() => contextsByName(snapshot), [snapshot]);
  const rowProps = { snapshot, today, run, select, selectedId };
  return (
    <section className="view-section" aria-labelledby="view-title" data-view="contacts">
      <ViewHeading title="Contacts" purpose="People you work with or wait on, and what waits on each.">
        <button type="button" className="button" aria-expanded={adding === true} onClick={(event) => toggle(true, event.currentTarget)}>
          Add contact
          <DraftMark waiting={drafted} />
        </button>
      </ViewHeading>
      <ViewFeedback feedback={feedback} onDismiss={dismiss} />
      {adding && <AddContactForm run={run} onClose={close} />}
      {entries.length === 0 ? (
        <p className="empty-note">No contacts yet.</p>
      ) : (
        <ul className="contact-list">
          {entries.map((entry) => (
            <ContactCard key={entry.contact.id} entry={entry} {...rowProps} />
          ))}
        </ul>
      )}
      <ContextsSection contexts={contexts} run={run} select={select} selectedId={selectedId} />
    </section>
  );
}
