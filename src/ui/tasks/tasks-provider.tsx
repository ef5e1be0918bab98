import { useEffect, useState, type ReactNode } from 'react';
import type { Tasks } from '../../model/index.ts';
import { openTasksOnce } from '../open-tasks.ts';
import { LoadingScreen } from './loading-screen.tsx';
import { RefreshErrorBanner } from './refresh-error-banner.tsx';
import { StorageErrorScreen } from './storage-error-screen.tsx';
import { TasksContext } from './tasks-context.ts';

type OpenState = { status: 'opening' } | { status: 'ready'; tasks: Tasks } | { status: 'failed'; error: unknown };

/**
 * Opens the repository once and provides it to everything below; while it opens, a loading
 * screen; when IndexedDB cannot be opened, a screen that says why and what to do.
 */
export function TasksProvider({ children, open = openTasksOnce }: { children: ReactNode; open?: () => Promise<Tasks> }) {
  const [state, setState] = useState<OpenState>({ status: 'opening' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    open().then(
      (tasks) => live && setState({ status: 'ready', tasks }),
      (error: unknown) => live && setState({ status: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [open, attempt]);

  if (state.status === 'opening') return <LoadingScreen />;
  if (state.status === 'failed') {
    const retry = (): void => {
      setState({ status: 'opening' });
      setAttempt((n) => n + 1);
    };
    return <StorageErrorScreen error={state.error} onRetry={retry} />;
  }
  return (
    <TasksContext.Provider value={state.tasks}>
      <RefreshErrorBanner tasks={state.tasks} />
      {children}
    </TasksContext.Provider>
  );
}
