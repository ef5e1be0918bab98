import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { DraftNote, readDraft, useDraft, useOnLeave, writeDraft } from '../drafts/index.ts';
import { isTypingTarget } from '../shortcuts.ts';
import { useToasts } from '../toast/toast-context.ts';

/** Props of {@link CommitField}. */
export interface CommitFieldProps {
  label: string;
  /** The saved value; shown whenever nothing is being typed. */
  value: string;
  /** Saves `text`; resolves true when saved (the draft is then dropped). */
  onCommit(text: string): Promise<boolean>;
  /** Where what is typed is kept until saved (see drafts/draft-store.ts), e.g. `name:<id>`. */
  draftKey: string;
  type?: 'text' | 'email';
  /** Hides the label from sight (screen readers still read it). */
  hideLabel?: boolean;
  /**
   * Takes the focus when it appears, on a device with a keyboard and a fine pointer only (a
   * phone would pop its keyboard up on every tap), without scrolling the page, at the start
   * of the text (a long name shows its beginning).
   */
  autoFocus?: boolean;
  /** Shown but not editable (time travel). */
  readOnly?: boolean;
  className?: string;
}

/**
 * A text field that saves on Enter, when it loses focus and when it goes away. What is typed is
 * kept as a draft meanwhile, so a reload brings it back (marked as not saved). Escape puts back
 * the saved value, with Undo on a toast; with nothing changed it lets the key go on (the panel
 * closes). Changes made elsewhere show while it is not being edited.
 */
export function CommitField(props: CommitFieldProps) {
  const { label, value, onCommit, draftKey, type = 'text', hideLabel = false, autoFocus = false, readOnly = false, className } = props;
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const element = input.current;
    if (!autoFocus || !element || !window.matchMedia('(hover: hover) and (pointer: fine)').matches) return;
    if (isTypingTarget(document.activeElement)) return; // another field has it (a restored draft, the search box): leave it
    element.focus({ preventScroll: true });
    if (element.type === 'text') element.setSelectionRange(0, 0); // email fields have no selection
    element.scrollLeft = 0;
  }, [autoFocus]);
  const toasts = useToasts();
  const draft = useDraft(draftKey);
  const typed = readOnly ? undefined : draft.text;
  const commitText = async (text: string): Promise<void> => {
    if (text !== value && !(await onCommit(text))) return;
    if (readDraft(draftKey)?.text === text) draft.clear();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (typed !== undefined) void commitText(typed);
    } else if (event.key === 'Escape') {
      draft.clear();
      if (typed === undefined || typed === value) return; // nothing to cancel: the key goes on
      event.preventDefault();
      toasts.show({ text: `Discarded your edit of the ${label.toLowerCase()}.`, action: { label: 'Undo', run: () => writeDraft(draftKey, typed) } });
    }
  };
  useOnLeave(() => {
    const text = readOnly ? undefined : readDraft(draftKey)?.text;
    if (text !== undefined && text !== value) void commitText(text);
  });
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        id={id}
        ref={input}
        type={type}
        value={typed ?? value}
        readOnly={readOnly}
        onChange={(event) => draft.set(event.target.value)}
        onBlur={() => typed !== undefined && void commitText(typed)}
        onKeyDown={onKeyDown}
        aria-describedby={draft.keptSince !== undefined ? `${id}-draft` : undefined}
      />
      <DraftNote id={`${id}-draft`} since={typed !== undefined && typed !== value ? draft.keptSince : undefined} howToSave="Enter saves it; Esc puts back the saved one." />
    </div>
  );
}
