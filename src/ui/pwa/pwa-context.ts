import { createContext, useContext, useSyncExternalStore } from 'react';
import type { PwaState, PwaStore } from '../pwa.ts';

/** The service worker and install prompt store; `undefined` where there is none (dev, tests). */
export const PwaContext = createContext<PwaStore | undefined>(undefined);

const NONE: PwaState = { updateWaiting: false, offlineReady: false, installable: false };
const noSubscription = (): (() => void) => () => undefined;

/** The store and its live state. */
export function usePwa(): { store: PwaStore | undefined; state: PwaState } {
  const store = useContext(PwaContext);
  const state = useSyncExternalStore(store ? store.subscribe : noSubscription, store ? store.getState : () => NONE);
  return { store, state };
}
