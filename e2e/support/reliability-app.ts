// Helpers of the reliability specs that drive the built app: commit inbox actions through the
// app's own repository (`window.taskgit.tasks`), and walk everything its refs reach. The page
// side of each helper is self-contained (Playwright sends the function's source to the page).
import type { Page } from '@playwright/test';

/** One action the app committed: its record id, its name and the head its commit made. */
export interface SavedAction {
  id: string;
  name: string;
  head: string;
}

/** What a walk of the repository found: every ref's head and every commit reached. */
export interface RepositoryWalk {
  /** `refs/heads/main`, or `undefined` while the branch has no commit. */
  head: string | undefined;
  /** Every commit any ref reaches (merges included). */
  commits: string[];
  /** How many objects were read and verified. */
  objects: number;
}

/**
 * Commits one inbox action per name through `window.taskgit.tasks.apply`, one commit each, in
 * order; resolves with what each commit saved.
 */
export function commitActions(page: Page, names: readonly string[]): Promise<SavedAction[]> {
  return page.evaluate(async (names) => {
    const tasks = window.taskgit?.tasks;
    if (!tasks) throw new Error('window.taskgit is not there: the app has not opened its repository');
    const saved: Array<{ id: string; name: string; head: string }> = [];
    for (const name of names) {
      const id = crypto.randomUUID();
      const record = { kind: 'action' as const, id, name, created: new Date().toISOString(), state: 'inbox' as const };
      const head = await tasks.apply({ changes: [{ put: record }], message: `Create ${name}` });
      if (!head) throw new Error(`committing ${name} made no head`);
      saved.push({ id, name, head: String(head) });
    }
    return saved;
  }, names);
}

/**
 * Reads every object every ref of the app's repository reaches, in batches through the store's
 * verified reads (each object is hashed and checked against its id; a missing or corrupt one
 * rejects with the store's error), and returns the heads and commits found.
 */
export function walkRepository(page: Page): Promise<RepositoryWalk> {
  return page.evaluate(async () => {
    const repo = window.taskgit?.tasks.repo;
    if (!repo) throw new Error('window.taskgit is not there: the app has not opened its repository');
    const refs = await repo.git.refs.list();
    const hex = (bytes: Uint8Array): string => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
    const seen = new Set<string>(refs.values());
    const commits: string[] = [];
    let level = [...seen];
    while (level.length > 0) {
      const objects = await repo.git.objects.readMany(level);
      const next: string[] = [];
      const follow = (oid: string): void => {
        if (seen.has(oid)) return;
        seen.add(oid);
        next.push(oid);
      };
      objects.forEach((object, index) => {
        if (object.type === 'commit') {
          commits.push(level[index] as string);
          const header = new TextDecoder().decode(object.content).split('\n\n')[0] ?? '';
          for (const line of header.split('\n')) {
            const [key, value] = line.split(' ');
            if ((key === 'tree' || key === 'parent') && value) follow(value);
          }
        } else if (object.type === 'tree') {
          const bytes = object.content;
          let at = 0;
          while (at < bytes.length) {
            const space = bytes.indexOf(0x20, at);
            const nul = bytes.indexOf(0x00, space);
            const mode = new TextDecoder().decode(bytes.subarray(at, space));
            const oid = hex(bytes.subarray(nul + 1, nul + 21));
            if (mode !== '160000') follow(oid);
            at = nul + 21;
          }
        }
      });
      level = next;
    }
    return { head: refs.get('refs/heads/main'), commits, objects: seen.size };
  });
}

/** The ids of every record in the app's current snapshot. */
export function recordIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const tasks = window.taskgit?.tasks;
    if (!tasks) throw new Error('window.taskgit is not there: the app has not opened its repository');
    return [...tasks.snapshot.records.keys()];
  });
}
