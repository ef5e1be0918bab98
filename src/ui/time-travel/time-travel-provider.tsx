import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Commit, Tasks } from '../../model/index.ts';
import { formatWhen } from '../history/relative-time.ts';
import { TasksContext, useTasks } from '../tasks/tasks-context.ts';
import { readOnlyTasks } from './read-only-tasks.ts';
import { TimeTravelContext, type TimeTravelValue, type Viewing } from './time-travel-context.ts';

declare global {
  interface Window {
    /** The Tasks the views are given (read-only while time travelling), for the console and tests. */
    taskgitView?: { tasks: Tasks; readOnly: boolean };
  }
}

/**
 * Time travel for everything below: while a past commit is shown, the TasksContext below holds
 * a read-only Tasks whose snapshot is that commit's (so every view, the item panel and
 * `useSnapshot()` show the past) and whose commands refuse with a message. Above it (sync,
 * the refresh banner) the live repository carries on.
 */
export function TimeTravelProvider({ children }: { children: ReactNode }) {
  const live = useTasks();
  const [viewing, setViewing] = useState<Viewing>();
  const [loading, setLoading] = useState<string>();
  const [error, setError] = useState<string>();
  const request = useRef(0);

  const view = useCallback(
    async (commit: Commit) => {
      const mine = ++request.current;
      setLoading(commit.id);
      setError(undefined);
      try {
        const snapshot = await live.snapshotAt(commit.id);
        if (request.current === mine) setViewing({ commit, snapshot });
      } catch (caught) {
        if (request.current === mine) setError(caught instanceof Error ? caught.message : String(caught));
      } finally {
        if (request.current === mine) setLoading(undefined);
      }
    },
    [live],
  );
  const backToNow = useCallback(() => {
    request.current++;
    setLoading(undefined);
    setViewing(undefined);
  }, []);

  const shown = useMemo(() => {
    if (!viewing) return live;
    const reason = `Read-only: the app shows the state of ${formatWhen(viewing.commit.date)}. Choose “Back to now” to make changes.`;
    return readOnlyTasks(live, viewing.snapshot, reason);
  }, [live, viewing]);

  useEffect(() => {
    window.taskgitView = { tasks: shown, readOnly: shown !== live };
  }, [shown, live]);

  const value = useMemo<TimeTravelValue>(() => ({ viewing, loading, error, view, backToNow, live }), [viewing, loading, error, view, backToNow, live]);
  return (
    <TimeTravelContext.Provider value={value}>
      <TasksContext.Provider value={shown}>{children}</TasksContext.Provider>
    </TimeTravelContext.Provider>
  );
}
