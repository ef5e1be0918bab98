import { createContext, useContext } from 'react';
import type { Commit, Snapshot, Tasks } from '../../model/index.ts';

/** The past commit the app shows instead of the present. */
export interface Viewing {
  commit: Commit;
  /** The records at that commit. */
  snapshot: Snapshot;
}

/** What the shell, the History view and anything that writes read about time travel. */
export interface TimeTravelValue {
  /** The commit shown, or `undefined` when the app shows the present (and may write). */
  viewing: Viewing | undefined;
  /** The id of a commit being loaded to be shown, if any. */
  loading: string | undefined;
  /** Why the last attempt to show a commit failed, if it did. */
  error: string | undefined;
  /** Shows the app as it was at `commit`, read-only. */
  view(commit: Commit): Promise<void>;
  /** Back to the present. */
  backToNow(): void;
  /** The live repository, whatever is shown (History lists its commits). */
  live: Tasks;
}

export const TimeTravelContext = createContext<TimeTravelValue | null>(null);

/** Time travel: what is shown, and how to move in time. Inside the shell's provider. */
export function useTimeTravel(): TimeTravelValue {
  const value = useContext(TimeTravelContext);
  if (!value) throw new Error('useTimeTravel() is used outside <TimeTravelProvider>');
  return value;
}

/**
 * True while the app shows a past commit: controls that write should be disabled (the
 * commands would refuse anyway). False outside the provider.
 */
export function useReadOnly(): boolean {
  return useContext(TimeTravelContext)?.viewing !== undefined;
}
