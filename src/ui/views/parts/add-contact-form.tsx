import { useId } from 'react';
import { useDraft } from '../../drafts/index.ts';
import { createRecord, quoteName } from '../../../model/index.ts';
import { InlineNameForm } from './inline-name-form.tsx';
import { newId, type Run } from './use-run.ts';

/** Where the form keeps what is typed until it is added: the name, and the email address. */
export const CONTACT_DRAFT_KEYS = ['add-contact', 'add-contact-email'] as const;
const [NAME_DRAFT_KEY, EMAIL_DRAFT_KEY] = CONTACT_DRAFT_KEYS;

/** Adds a contact: a name, and an email address if known. */
export function AddContactForm({ run, onClose }: { run: Run; onClose: () => void }) {
  const id = useId();
  const emailDraft = useDraft(EMAIL_DRAFT_KEY);
  const email = emailDraft.text ?? '';
  const add = async (name: string): Promise<boolean> => {
    const input = { kind: 'contact' as const, name, ...(email.trim() ? { email: email.trim() } : {}) };
    const saved = await run((s) => createRecord(s, input, new Date(), newId), `Added contact ${quoteName(name)}.`);
    if (saved) emailDraft.clear();
    return saved;
  };
  return (
    <InlineNameForm title="Add a contact" draftKey={NAME_DRAFT_KEY} onSubmit={add} onCancel={onClose} autoFocus>
      <label htmlFor={`${id}-email`}>Email (optional)</label>
      <input id={`${id}-email`} type="email" value={email} autoComplete="off" onChange={(event) => (event.target.value ? emailDraft.set(event.target.value) : emailDraft.clear())} />
    </InlineNameForm>
  );
}
