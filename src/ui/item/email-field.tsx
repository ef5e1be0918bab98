import { updateRecord, type ContactRecord } from '../../model/index.ts';
import { CommandError } from './command-error.tsx';
import { CommitField } from './commit-field.tsx';
import { useCommand } from './use-command.ts';

/** A contact's email address, saved on Enter or when the field loses focus; empty clears it. */
export function EmailField({ contact }: { contact: ContactRecord }) {
  const { run, error } = useCommand();
  const save = (text: string): Promise<boolean> => {
    const email = text.trim();
    return run((s) => updateRecord(s, contact.id, { email: email === '' ? null : email }, new Date()));
  };
  return (
    <div>
      <CommitField label="Email" type="email" value={contact.email ?? ''} onCommit={save} draftKey={`email:${contact.id}`} />
      <CommandError error={error} />
    </div>
  );
}
