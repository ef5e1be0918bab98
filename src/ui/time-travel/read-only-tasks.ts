import { ModelError, type Snapshot, type Tasks } from '../../model/index.ts';

/** The methods of {@link Tasks} that write; the read-only view refuses each. */
const WRITES = new Set<PropertyKey>(['run', 'apply', 'revert', 'undo', 'redo', 'settle']);

/**
 * `tasks` as the app sees it while it shows a past commit: `snapshot` is the past one (and never
 * changes, so `subscribe` never calls back), reads (`history`, `snapshotAt`, `repo`, `branch`)
 * pass through, and the commands `run`, `apply`, `revert`, `undo`, `redo` and `settle` refuse with a
 * ModelError ('refused') whose message is `reason`, writing nothing.
 */
export function readOnlyTasks(tasks: Tasks, snapshot: Snapshot, reason: string): Tasks {
  const bound = new Map<PropertyKey, unknown>();
  const refuse = (): Promise<never> => Promise.reject(new ModelError('refused', reason, { readOnly: true }));
  return new Proxy(tasks, {
    get(target, key) {
      if (key === 'snapshot') return snapshot;
      if (key === 'subscribe') return () => () => undefined;
      if (WRITES.has(key)) return refuse;
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      // Bound to the real object, so its own fields (and any `#private` ones) keep working.
      if (!bound.has(key)) bound.set(key, (value as (...args: unknown[]) => unknown).bind(target));
      return bound.get(key);
    },
    set() {
      return false;
    },
  });
}
