import { createContext, useContext } from 'react';

/** A button on a toast: "Undo", "Redo". */
export interface ToastAction {
  label: string;
  run(): void | Promise<void>;
}

/** What a toast says, and the one thing it offers to do about it. */
export interface ToastInput {
  text: string;
  tone?: 'ok' | 'error';
  action?: ToastAction;
}

/** Shows short notes at the foot of the screen; the newest replaces the one shown. */
export interface Toasts {
  show(toast: ToastInput): void;
  dismiss(): void;
}

export const ToastContext = createContext<Toasts | null>(null);

/** The toasts of the app; inside <ToastProvider>. */
export function useToasts(): Toasts {
  const toasts = useContext(ToastContext);
  if (!toasts) throw new Error('useToasts() is used outside <ToastProvider>');
  return toasts;
}
