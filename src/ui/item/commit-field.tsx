import { useId, useState, type KeyboardEvent } from 'react';

/** Props of {@link CommitField}. */
export interface CommitFieldProps {
  label: string;
  /** The saved value; shown whenever nothing is being typed. */
  value: string;
  /** Saves `text`; resolves true when saved (the draft is then dropped). */
  onCommit(text: string): Promise<boolean>;
  type?: 'text' | 'email';
  /** Hides the label from sight (screen readers still read it). */
  hideLabel?: boolean;
  autoFocus?: boolean;
  /** Shown but not editable (time travel). */
  readOnly?: boolean;
  className?: string;
}

/**
 * A text field that saves on Enter and when it loses focus; Escape puts back the saved value
 * (and lets the key go on, so the panel closes). Changes made elsewhere show while it is not
 * being edited.
 */
export function CommitField({ label, value, onCommit, type = 'text', hideLabel = false, autoFocus = false, readOnly = false, className }: CommitFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string>();
  const commit = async (): Promise<void> => {
    if (draft === undefined) return;
    if (draft === value) setDraft(undefined);
    else if (await onCommit(draft)) setDraft(undefined);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void commit();
    } else if (event.key === 'Escape') {
      setDraft(undefined);
    }
  };
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        id={id}
        type={type}
        value={draft ?? value}
        autoFocus={autoFocus}
        readOnly={readOnly}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => void commit()}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
