import { useSyncExternalStore } from 'react';
import { hashOf, viewFromHash, type ViewId } from '../routes.ts';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The view the location hash names; re-renders on navigation. */
export function useRoute(): ViewId {
  return useSyncExternalStore(subscribe, () => viewFromHash(location.hash));
}

/** Goes to a view (a new history entry, so Back works). */
export function navigate(view: ViewId): void {
  location.hash = hashOf(view);
}
