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
  /** Starts a sync of `name` (branch main) without waiting for it; {@link Harness.finishSync} waits. */
  startSync(name: string, url: string): void;
  /** The object counts the running or last sync of each repository reported last. */
  objects: Record<string, SyncModule.ObjectCounts | undefined>;
  /** Aborts the sync started with {@link Harness.startSync}. */
  abortSync(name: string): void;
  /** The outcome of the sync started with {@link Harness.startSync}, as {@link Harness.sync} gives it. */
  finishSync(name: string): Promise<SyncModule.SyncSuccess | HarnessSyncFailure>;
  /** The repository `name` as it is open in this page. */
  repo(name: string): Promise<Repo>;
  /** `src/sync`'s public module, loaded on first use (as `sync` loads it). */
  syncModule(): Promise<typeof SyncModule>;
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

const running = new Map<string, { controller: AbortController; outcome: Promise<SyncModule.SyncOutcome> }>();

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
    return asData(await sync(repo.git, { url, branch }));
  },
  objects: {},
  startSync(name, url) {
    const controller = new AbortController();
    const onProgress = (progress: SyncModule.SyncProgress) => {
      if (progress.phase !== 'remote' && progress.objects) harness.objects[name] = progress.objects;
    };
    const outcome = Promise.all([loadSync(), openRepo(name)]).then(([{ sync }, repo]) => sync(repo.git, { url, signal: controller.signal, onProgress }));
    running.set(name, { controller, outcome });
  },
  abortSync(name) {
    running.get(name)?.controller.abort();
  },
  async finishSync(name) {
    const started = running.get(name);
    if (!started) throw new Error(`no sync of ${name} was started`);
    return asData(await started.outcome);
  },
  repo: openRepo,
  syncModule: loadSync,
};

/** An outcome that crosses `page.evaluate` with its error's code intact. */
function asData(outcome: SyncModule.SyncOutcome): SyncModule.SyncSuccess | HarnessSyncFailure {
  if (outcome.kind !== 'failed') return outcome;
  const { name: errorName, code, message } = outcome.error;
  return { kind: 'failed', error: { name: errorName, code, message } };
}

window.store = store;
window.harness = harness;
const status = document.getElementById('status');
if (status) status.textContent = 'ready';
