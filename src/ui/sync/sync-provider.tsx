import { useCallback, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { readServedBy, type ServedBy } from '../served-by.ts';
import { openSettingsStore } from '../settings-store.ts';
import { SyncController } from '../sync-controller.ts';
import type { RemoteSettings } from '../sync-state.ts';
import { syncRunnerFor } from '../sync-runner.ts';
import { useTasks } from '../tasks/tasks-context.ts';
import { SyncContext, type SyncContextValue } from './sync-context.ts';

/**
 * Runs the sync controller for the open repository: feeds it every new head, loads the saved
 * settings, syncs once at start when a remote is set (to pull what other devices pushed).
 */
export function SyncProvider({ children }: { children: ReactNode }) {
  const tasks = useTasks();
  const store = useMemo(() => openSettingsStore(), []);
  const controller = useMemo(
    () =>
      new SyncController({
        run: syncRunnerFor(tasks),
        saveRecord: (record) => store.saveSyncRecord(record),
        isOnline: () => navigator.onLine,
      }),
    [tasks, store],
  );
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  const [settings, setSettings] = useState<RemoteSettings>();
  const [servedBy, setServedBy] = useState<ServedBy>({});
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    let live = true;
    controller.start();
    controller.headChanged(tasks.snapshot.head);
    const stopHeads = tasks.subscribe((snapshot) => controller.headChanged(snapshot.head));
    const loading = Promise.all([store.loadRemote(), store.loadSyncRecord()]).catch((error: unknown) => {
      console.warn('Could not read the sync settings', error);
      return [undefined, undefined] as const;
    });
    void Promise.all([loading, readServedBy()]).then(([[remote, record], served]) => {
      if (!live) return;
      setSettings(remote);
      setServedBy(served);
      setLoaded(true);
      controller.configure(remote, record);
      if (remote?.url && navigator.onLine) void controller.syncNow();
    });
    return () => {
      live = false;
      stopHeads();
      controller.stop();
    };
  }, [controller, tasks, store]);

  const saveSettings = useCallback(
    async (next: RemoteSettings) => {
      await store.saveRemote(next);
      setSettings(next);
      controller.configure(next, await store.loadSyncRecord().catch(() => undefined));
    },
    [controller, store],
  );

  const value = useMemo<SyncContextValue>(
    () => ({ controller, state, settings, defaultRemote: servedBy.defaultRemote, servedBy, loaded, saveSettings }),
    [controller, state, settings, servedBy, loaded, saveSettings],
  );
  return <SyncContext.Provider value={value}>{children}</SyncContext.Provider>;
}
