import { useId, useState, type FormEvent, type ReactNode } from 'react';

interface InlineNameFormProps {
  /** The form's accessible name: "Add a contact". */
  title: string;
  /** The name field's label. */
  label?: string;
  submitLabel?: string;
  /** Saves the name; resolves to whether it was saved (the field is then cleared). */
  onSubmit: (name: string) => Promise<boolean>;
  onCancel?: () => void;
  autoFocus?: boolean;
  /** More fields, between the name and the buttons. */
  children?: ReactNode;
}

/** A one-line form that asks for a name: the inline "add" of every view. Escape cancels. */
export function InlineNameForm({ title, label = 'Name', submitLabel = 'Add', onSubmit, onCancel, autoFocus = false, children }: InlineNameFormProps) {
  const id = useId();
  const [name, setName] = useState('');
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (name.trim() !== '' && (await onSubmit(name))) setName('');
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
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && onCancel) onCancel();
        }}
      />
      {children}
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
