import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { Snapshot, Tasks } from '../../model/index.ts';

/** The open repository; provided by TasksProvider once it has opened. */
export const TasksContext = createContext<Tasks | null>(null);

/** The open {@link Tasks}: commands (`run`, `apply`), `history`, `snapshotAt`, `revert`. */
export function useTasks(): Tasks {
  const tasks = useContext(TasksContext);
  if (!tasks) throw new Error('useTasks() is used outside <TasksProvider>');
  return tasks;
}

/** The live snapshot: re-renders whenever the head moves (this tab, another tab, a sync). */
export function useSnapshot(): Snapshot {
  const tasks = useTasks();
  const subscribe = useCallback((onChange: () => void) => tasks.subscribe(() => onChange()), [tasks]);
  const read = useCallback(() => tasks.snapshot, [tasks]);
  return useSyncExternalStore(subscribe, read);
}
