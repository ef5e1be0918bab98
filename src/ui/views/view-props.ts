import type { Snapshot, Tasks } from '../../model/index.ts';

/**
 * What every view gets from the shell. A view renders from `snapshot` and changes things only
 * through `tasks` (`tasks.run(command)` commits what a model command returns); it holds no
 * persistence logic. The same values are also reachable with the hooks `useSnapshot()` and
 * `useTasks()` (tasks/tasks-context.ts) and `useSync()` (sync/sync-context.ts).
 */
export interface ViewProps {
  /** The records as of the current head; a new object whenever the head moves. */
  snapshot: Snapshot;
  /** The open repository: `run`, `apply`, `history`, `snapshotAt`, `revert`. */
  tasks: Tasks;
  /** The text in the header's search/capture box, for views that filter by it. */
  query: string;
  /** The record shown in the item panel, if any. */
  selectedId: string | undefined;
  /** Shows a record in the item panel; `undefined` closes it. */
  select(id: string | undefined): void;
}
