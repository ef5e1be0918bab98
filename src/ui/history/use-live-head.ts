import { useCallback, useSyncExternalStore } from 'react';
import type { Tasks } from '../../model/index.ts';

/** The live head of `tasks` (not the past one time travel shows); re-renders when it moves. */
export function useLiveHead(tasks: Tasks): string | undefined {
  const subscribe = useCallback((onChange: () => void) => tasks.subscribe(() => onChange()), [tasks]);
  const read = useCallback(() => tasks.snapshot.head, [tasks]);
  return useSyncExternalStore(subscribe, read);
}
