import type { Snapshot } from './snapshot.ts';
import type { Tasks } from './tasks.ts';

/**
 * Resolves once `tasks` has read the commit `head` (its snapshot's head is `head`), e.g. after
 * something moved the branch through the repository (an import, a sync) and the snapshot
 * follows a moment later. Resolves with the snapshot it has after `timeoutMs` regardless.
 */
export function waitForHead(tasks: Pick<Tasks, 'snapshot' | 'subscribe'>, head: string, timeoutMs = 10_000): Promise<Snapshot> {
  if (tasks.snapshot.head === head) return Promise.resolve(tasks.snapshot);
  return new Promise((resolve) => {
    const finish = (): void => {
      clearTimeout(timer);
      stop();
      resolve(tasks.snapshot);
    };
    const timer = setTimeout(finish, timeoutMs);
    const stop = tasks.subscribe((snapshot) => {
      if (snapshot.head === head) finish();
    });
    // It may have arrived between the first look and the subscription.
    if (tasks.snapshot.head === head) finish();
  });
}
