// Loads the real store into a page for the Playwright specs: `window.store` is the store's public
// module, `window.harness` keeps opened branches across `page.evaluate` calls. Sync is loaded
// lazily, on the first `harness.sync`, as the app loads it: the first screen never waits for it.
import * as store from '../../src/store/index.ts';
import type { Branch, Repo } from '../../src/store/types.ts';
import type * as SyncModule from '../../src/sync/index.ts';

/** A failed sync with its error as plain data, so it crosses `page.evaluate` with its code intact. */
export interface HarnessSyncFailure {
  kind: 'failed';
  error: { name: string; code: string; message: string };
}

/** Helpers the specs call from `page.evaluate`. */
export interface Harness {
  /** Opens (once per page) the repository `name` and returns its branch `branch`. */
  branch(name: string, branch?: string): Promise<Branch>;
  /** Heads seen by watchers started with {@link Harness.watchHeads}, per repository name. */
  seenHeads: Record<string, string[]>;
  /** Starts recording every head the branch reports into `seenHeads[name]`. */
  watchHeads(name: string, branch?: string): Promise<void>;
  /**
   * Syncs the repository `name` with the git remote at `url` (loading `src/sync` on first use):
   * the success, or the failure with its error as {@link HarnessSyncFailure}.
   */
  sync(name: string, url: string, branch?: string): Promise<SyncModule.SyncSuccess | HarnessSyncFailure>;
}

declare global {
  interface Window {
    store: typeof store;
    harness: Harness;
  }
}

const repos = new Map<string, Promise<Repo>>();

function openRepo(name: string): Promise<Repo> {
  let repo = repos.get(name);
  if (!repo) {
    repo = store.openRepo({ name });
    repos.set(name, repo);
  }
  return repo;
}

let syncModule: Promise<typeof SyncModule> | undefined;

/** `src/sync`, fetched on first use only. */
function loadSync(): Promise<typeof SyncModule> {
  syncModule ??= import('../../src/sync/index.ts');
  return syncModule;
}

const harness: Harness = {
  async branch(name, branch = 'main') {
    return (await openRepo(name)).branch(branch);
  },
  seenHeads: {},
  async watchHeads(name, branch = 'main') {
    const seen = (harness.seenHeads[name] ??= []);
    const opened = await harness.branch(name, branch);
    opened.watch((head) => seen.push(head));
  },
  async sync(name, url, branch = 'main') {
    const [{ sync }, repo] = await Promise.all([loadSync(), openRepo(name)]);
    const outcome = await sync(repo.git, { url, branch });
    if (outcome.kind !== 'failed') return outcome;
    const { name: errorName, code, message } = outcome.error;
    return { kind: 'failed', error: { name: errorName, code, message } };
  },
};

window.store = store;
window.harness = harness;
const status = document.getElementById('status');
if (status) status.textContent = 'ready';
