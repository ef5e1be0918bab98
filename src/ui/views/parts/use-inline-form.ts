import { useCallback, useRef, useState } from 'react';

/**
 * Which inline form is open (`T`: a kind, an id, or `true`), and the button that opened it:
 * closing the form (Escape, Cancel) gives the focus back to that button, so a keyboard user
 * goes on from where they were rather than from the top of the page.
 */
export function useInlineForm<T>() {
  const [opened, setOpened] = useState<T>();
  const opener = useRef<HTMLElement | null>(null);
  /** Opens the form for `value` from the button `from`; closes it when it is the one open. */
  const toggle = useCallback((value: T, from: HTMLElement) => {
    opener.current = from;
    setOpened((now) => (now === value ? undefined : value));
  }, []);
  const close = useCallback(() => {
    setOpened(undefined);
    opener.current?.focus();
  }, []);
  return { opened, toggle, close };
}
