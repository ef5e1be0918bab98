// Which unfinished imports still have a writer. An import holds a Web Lock named after it for as
// long as it runs, so any tab can tell a live import (lock held) from one whose tab closed or
// crashed (lock released with the tab) and delete the latter. Where Web Locks are missing (Node,
// where each process has its own databases), the imports of this realm are the only live ones.

const LOCK_PREFIX = 'taskgit-import:';
const liveHere = new Set<string>();

/** Holds `database`'s import `id` alive (once the lock is granted) until the returned function is called. */
export async function holdImport(database: string, id: string): Promise<() => void> {
  const name = `${LOCK_PREFIX}${database}:${id}`;
  liveHere.add(name);
  let release = (): void => undefined;
  const done = new Promise<void>((resolve) => (release = resolve));
  const locks = globalThis.navigator?.locks;
  if (locks) await new Promise<void>((granted) => void locks.request(name, () => (granted(), done)));
  return () => {
    liveHere.delete(name);
    release();
  };
}

/** The ids among `ids` of `database`'s imports that nobody runs any more. */
export async function abandonedImports(database: string, ids: readonly string[]): Promise<string[]> {
  const locks = globalThis.navigator?.locks;
  const held = new Set(liveHere);
  if (locks) for (const lock of (await locks.query()).held ?? []) if (lock.name) held.add(lock.name);
  return ids.filter((id) => !held.has(`${LOCK_PREFIX}${database}:${id}`));
}
