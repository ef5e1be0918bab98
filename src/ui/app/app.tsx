import { useEffect } from 'react';
import { askPersistenceOnce } from '../persistence.ts';
import type { PwaStore } from '../pwa.ts';
import { PwaContext } from '../pwa/pwa-context.ts';
import { Shell } from '../shell/shell.tsx';
import { SyncProvider } from '../sync/sync-provider.tsx';
import { DeviceProvider } from '../device/device-provider.tsx';
import { TasksProvider } from '../tasks/tasks-provider.tsx';
import { ToastProvider } from '../toast/toast-provider.tsx';
import { ErrorBoundary } from './error-boundary.tsx';

/** The whole app: error boundary, then storage, this device's name, sync, toasts, then the shell with its views. */
export function App({ pwa }: { pwa: PwaStore | undefined }) {
  useEffect(() => {
    void askPersistenceOnce().catch(() => undefined);
  }, []);
  return (
    <ErrorBoundary>
      <PwaContext.Provider value={pwa}>
        <TasksProvider>
          <DeviceProvider>
            <SyncProvider>
              <ToastProvider>
                <Shell />
              </ToastProvider>
            </SyncProvider>
          </DeviceProvider>
        </TasksProvider>
      </PwaContext.Provider>
    </ErrorBoundary>
  );
}
