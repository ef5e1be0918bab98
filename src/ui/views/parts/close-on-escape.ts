import type { KeyboardEvent } from 'react';

/**
 * Escape in an inline form closes it (and nothing else: not the item panel behind it); the
 * caller gives the focus back to where the form was opened from.
 */
export function closeOnEscape(event: KeyboardEvent, close: () => void): void {
  if (event.key !== 'Escape' || event.defaultPrevented) return;
  event.preventDefault();
  event.stopPropagation();
  close();
}
