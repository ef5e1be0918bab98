import { useEffect, useRef, type RefObject } from 'react';

/**
 * When the panel closes while it held the focus (or the focused control went away with it),
 * gives the focus back to what had it before the panel opened, else to the view (#main).
 */
export function useReturnFocus(panel: RefObject<HTMLElement | null>, openId: string | undefined): void {
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const onFocusIn = (event: FocusEvent): void => {
      const target = event.target;
      if (target instanceof HTMLElement && !panel.current?.contains(target)) opener.current = target;
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, [panel]);
  const wasOpen = useRef(false);
  useEffect(() => {
    const open = openId !== undefined;
    if (wasOpen.current && !open) {
      const active = document.activeElement;
      if (!active || active === document.body || panel.current?.contains(active)) {
        const target = opener.current?.isConnected ? opener.current : document.getElementById('main');
        target?.focus();
      }
    }
    wasOpen.current = open;
  }, [openId, panel]);
}
