/**
 * The real sync behind the controller: loads src/sync on first use (it is large, and the first
 * screen must not wait for it) and syncs the task repository's main branch, merges signed with
 * this device's name.
 */
import type { Tasks } from '../model/index.ts';
import type { SyncControllerDeps } from './sync-controller.ts';
import type { RemoteSettings } from './sync-state.ts';

/** The remote options sync and checkRemote take, from the settings the Sync tab keeps. */
export function remoteOptionsOf(settings: RemoteSettings): { url: string; auth?: { username: string; password: string }; corsProxy?: string } {
  const auth = settings.username || settings.token ? { username: settings.username, password: settings.token } : undefined;
  return { url: settings.url.trim(), ...(auth ? { auth } : {}), ...(settings.corsProxy.trim() ? { corsProxy: settings.corsProxy.trim() } : {}) };
}

/**
 * A `run` for {@link SyncControllerDeps} over the app's open repository. A merge that arrives
 * is repaired by the model (Tasks), which commits the repair; the next sync sends it.
 */
export function syncRunnerFor(tasks: Tasks): SyncControllerDeps['run'] {
  return async (settings, onProgress) => {
    const { sync } = await import('../sync/index.ts');
    const author = tasks.author;
    return sync(tasks.repo.git, { ...remoteOptionsOf(settings), branch: tasks.branch.name, onProgress, ...(author ? { author } : {}) });
  };
}
