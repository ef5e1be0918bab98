import { useEffect, useId, useRef, type ReactNode } from 'react';

/** Props of {@link ConfirmDialog}. */
export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm(): void;
  /** Cancel, Escape, or the dialog closing any other way. */
  onCancel(): void;
}

/**
 * A modal question, open while it is rendered: a dangerous confirm button, and Cancel, which
 * has the focus. Escape cancels it (and only it: the key goes no further).
 */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return; // (StrictMode runs this twice; unmounting removes the dialog)
    dialog.showModal();
    cancel.current?.focus();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={onCancel} onKeyDown={(event) => event.stopPropagation()}>
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="button-row item-dialog-buttons">
        <button ref={cancel} type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
