import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { cleanDeviceName, defaultDeviceName, deviceAuthor } from '../device-name.ts';
import { openSettingsStore } from '../settings-store.ts';
import { useTasks } from '../tasks/tasks-context.ts';
import { DeviceContext, type DeviceValue } from './device-context.ts';

/**
 * Signs this device's commits with its name: the browser and system at once, then the name the
 * person saved (the settings database, never the repository), once it is read.
 */
export function DeviceProvider({ children }: { children: ReactNode }) {
  const tasks = useTasks();
  const store = useMemo(() => openSettingsStore(), []);
  const defaultName = useMemo(() => defaultDeviceName(navigator.userAgent), []);
  const [saved, setSaved] = useState<string>();
  const name = saved ?? defaultName;

  useEffect(() => {
    let live = true;
    store.loadDeviceName().then(
      (loaded) => live && setSaved(loaded === undefined ? undefined : cleanDeviceName(loaded)),
      (error: unknown) => console.warn('Could not read the device name', error),
    );
    return () => {
      live = false;
    };
  }, [store]);
  useEffect(() => tasks.setAuthor(deviceAuthor(name)), [tasks, name]);

  const saveName = useCallback(
    async (next: string) => {
      const clean = cleanDeviceName(next);
      await store.saveDeviceName(clean ?? '');
      setSaved(clean);
    },
    [store],
  );
  const value = useMemo<DeviceValue>(() => ({ name, defaultName, saveName }), [name, defaultName, saveName]);
  return <DeviceContext.Provider value={value}>{children}</DeviceContext.Provider>;
}
