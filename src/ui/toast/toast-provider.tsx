import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import '../styles/snackbar.css';
import { ToastContext, type ToastInput, type Toasts } from './toast-context.ts';

/** How long a toast stays, unless the pointer or the focus is on it. */
const TOAST_MS = 8000;

type Shown = ToastInput & { id: number };

let nextId = 1;

/**
 * Provides {@link Toasts} and shows the current toast in a polite live region at the foot of
 * the screen. One toast at a time: a new one replaces the last. It goes after {@link TOAST_MS}
 * (errors after twice that), but not while the pointer is over it or the focus inside it.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<Shown>();
  const [held, setHeld] = useState(false);
  const dismiss = useCallback(() => setToast(undefined), []);
  const show = useCallback((input: ToastInput) => setToast({ ...input, id: nextId++ }), []);
  const toasts = useMemo<Toasts>(() => ({ show, dismiss }), [show, dismiss]);
  useEffect(() => {
    if (!toast || held) return;
    const timer = setTimeout(dismiss, toast.tone === 'error' ? 2 * TOAST_MS : TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast, held, dismiss]);
  return (
    <ToastContext.Provider value={toasts}>
      {children}
      <ToastRegion toast={toast} onHold={setHeld} onDismiss={dismiss} />
    </ToastContext.Provider>
  );
}

function ToastRegion({ toast, onHold, onDismiss }: { toast: Shown | undefined; onHold: (held: boolean) => void; onDismiss: () => void }) {
  const region = useRef<HTMLDivElement>(null);
  const act = (): void => {
    const action = toast?.action;
    onDismiss();
    onHold(false);
    void action?.run();
  };
  return (
    <div
      ref={region}
      className="snackbar-region"
      role="status"
      aria-live="polite"
      onPointerEnter={() => onHold(true)}
      onPointerLeave={() => onHold(false)}
      onFocus={() => onHold(true)}
      onBlur={(event) => {
        if (!region.current?.contains(event.relatedTarget as Node | null)) onHold(false);
      }}
    >
      {toast && (
        <div key={toast.id} className={`snackbar${toast.tone === 'error' ? ' error' : ''}`} data-testid="toast">
          <span className="snackbar-text">{toast.text}</span>
          {toast.action && (
            <button type="button" className="button snackbar-action" onClick={act}>
              {toast.action.label}
            </button>
          )}
          <button type="button" className="icon-button small snackbar-close" aria-label="Dismiss" onClick={onDismiss}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
    </div>
  );
}
