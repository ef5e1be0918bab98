/**
 * Opens the app's task repository once per page, however often React mounts the provider
 * (StrictMode mounts twice in development). A failed open is forgotten, so "Try again" opens
 * afresh.
 */
import { Tasks } from '../model/index.ts';

/** The IndexedDB database of the task repository. */
const TASKS_DB = 'taskgit';

declare global {
  interface Window {
    /** The open repository, for the browser console and the end-to-end tests. */
    taskgit?: { tasks: Tasks };
  }
}

let opening: Promise<Tasks> | undefined;

/** The one open {@link Tasks} of this page. */
export function openTasksOnce(): Promise<Tasks> {
  opening ??= Tasks.open({ name: TASKS_DB }).then(
    (tasks) => {
      window.taskgit = { tasks };
      return tasks;
    },
    (error: unknown) => {
      opening = undefined;
      throw error;
    },
  );
  return opening;
}
