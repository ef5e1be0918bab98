import { useId, type FormEvent, type ReactNode } from 'react';
import { DraftNote, readDraft, useDraft } from '../../drafts/index.ts';

interface InlineNameFormProps {
  /** The form's accessible name: "Add a contact". */
  title: string;
  /** The name field's label. */
  label?: string;
  submitLabel?: string;
  /** Where the typed name is kept until saved (drafts/draft-store.ts), e.g. `add-context`. */
  draftKey: string;
  /** Saves the name; resolves to whether it was saved (the field is then cleared). */
  onSubmit: (name: string) => Promise<boolean>;
  onCancel?: () => void;
  autoFocus?: boolean;
  /** More fields, between the name and the buttons. */
  children?: ReactNode;
}

/**
 * A one-line form that asks for a name: the inline "add" of every view. Escape closes it; what
 * was typed is kept as a draft, there (and marked) when the form opens again, until it is added.
 */
export function InlineNameForm(props: InlineNameFormProps) {
  const { title, label = 'Name', submitLabel = 'Add', draftKey, onSubmit, onCancel, autoFocus = false, children } = props;
  const id = useId();
  const draft = useDraft(draftKey);
  const name = draft.text ?? '';
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (name.trim() === '' || !(await onSubmit(name))) return;
    if (readDraft(draftKey)?.text === name) draft.clear();
  };
  return (
    <form className="inline-form" aria-label={title} onSubmit={(event) => void submit(event)}>
      <label htmlFor={`${id}-name`}>{label}</label>
      <input
        id={`${id}-name`}
        value={name}
        required
        autoFocus={autoFocus}
        autoComplete="off"
        onChange={(event) => (event.target.value ? draft.set(event.target.value) : draft.clear())}
        onKeyDown={(event) => {
          if (event.key !== 'Escape' || !onCancel) return;
          event.preventDefault(); // closes this form, not the item panel around it
          event.stopPropagation();
          onCancel();
        }}
      />
      {children}
      <DraftNote since={name ? draft.keptSince : undefined} howToSave={`${submitLabel} saves it.`} />
      <div className="button-row">
        <button type="submit" className="button primary" disabled={name.trim() === ''}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
