import { useEffect, useRef } from 'react';
import { createShortcutMatcher, isUndoKey, shortcutKeyOf, type ShortcutAction } from '../shortcuts.ts';

/**
 * Listens for the shortcuts of SHORTCUTS (shortcuts.ts), and Ctrl+Z outside text fields, on the
 * window and calls `onAction`.
 * While a modal dialog is open only the help toggle (`?`) passes, so keys do not act behind it.
 */
export function useShortcuts(onAction: (action: ShortcutAction) => void): void {
  const latest = useRef(onAction);
  useEffect(() => {
    latest.current = onAction;
  });
  useEffect(() => {
    const matcher = createShortcutMatcher();
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.repeat) return;
      if (isUndoKey(event) && document.querySelector('dialog[open]') === null) {
        event.preventDefault();
        latest.current({ type: 'undo' });
        return;
      }
      const key = shortcutKeyOf(event);
      if (key === undefined) return;
      const outcome = matcher.press(key, event.timeStamp);
      if (outcome.kind === 'none') return;
      const modalOpen = document.querySelector('dialog[open]') !== null;
      if (modalOpen && !(outcome.kind === 'run' && outcome.action.type === 'help')) {
        matcher.reset();
        return;
      }
      event.preventDefault();
      if (outcome.kind === 'run') latest.current(outcome.action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
