import { useSyncExternalStore } from 'react';
import { hashOf, openFromHash, viewFromHash, type ViewId } from '../routes.ts';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The view the location hash names; re-renders on navigation. */
export function useRoute(): ViewId {
  return useSyncExternalStore(subscribe, () => viewFromHash(location.hash));
}

/** The items open beside the view (the route holds them: `#/work/<id>/<id>`), the one shown last. */
export function useOpenItems(): string {
  // A string, so React sees no change while the hash's ids stay the same.
  return useSyncExternalStore(subscribe, () => openFromHash(location.hash).join('/'));
}

/** Goes to a view (a new history entry, so Back works); nothing open beside it. */
export function navigate(view: ViewId): void {
  location.hash = hashOf(view);
}

/**
 * Shows `view` with `open` items beside it, the last one in front. `replace` changes the
 * current history entry instead of adding one (moving from item to item along a list).
 */
export function showItems(view: ViewId, open: readonly string[], replace = false): void {
  const hash = hashOf(view, open);
  if (hash === location.hash) return;
  if (replace) {
    history.replaceState(history.state, '', hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = hash;
  }
}
