import { createContext, useContext } from 'react';
import type { SyncController } from '../sync-controller.ts';
import type { ServedBy } from '../served-by.ts';
import type { RemoteSettings, SyncState } from '../sync-state.ts';

/** What the Sync tab and the status bar read and do. */
export interface SyncContextValue {
  controller: SyncController;
  state: SyncState;
  /** The saved settings; `undefined` until loaded, or when never saved. */
  settings: RemoteSettings | undefined;
  /** `/config.json`'s `defaultRemote`, the form's starting URL. */
  defaultRemote: string | undefined;
  /** What the server the app was served by says of itself (its remote, its way through), offered first. */
  servedBy: ServedBy;
  /** True once the settings and the default remote have been read. */
  loaded: boolean;
  /** Saves the settings (the settings database, not the repository) and applies them. */
  saveSettings(settings: RemoteSettings): Promise<void>;
}

export const SyncContext = createContext<SyncContextValue | null>(null);

/** The sync controller, its state and the settings; inside <SyncProvider>. */
export function useSync(): SyncContextValue {
  const value = useContext(SyncContext);
  if (!value) throw new Error('useSync() is used outside <SyncProvider>');
  return value;
}
