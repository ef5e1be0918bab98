// Loads the real store into a page for the Playwright specs: `window.store` is the store's public
// module, `window.harness` keeps opened branches across `page.evaluate` calls.
import * as store from '../../src/store/index.ts';
import type { Branch, Repo } from '../../src/store/types.ts';

/** Helpers the specs call from `page.evaluate`. */
export interface Harness {
  /** Opens (once per page) the repository `name` and returns its branch `branch`. */
  branch(name: string, branch?: string): Promise<Branch>;
  /** Heads seen by watchers started with {@link Harness.watchHeads}, per repository name. */
  seenHeads: Record<string, string[]>;
  /** Starts recording every head the branch reports into `seenHeads[name]`. */
  watchHeads(name: string, branch?: string): Promise<void>;
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
};

window.store = store;
window.harness = harness;
const status = document.getElementById('status');
if (status) status.textContent = 'ready';
