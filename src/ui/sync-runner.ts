/**
 * The real sync behind the controller: loads src/sync on first use (it is large, and the first
 * screen must not wait for it) and syncs the task repository's main branch.
 */
import type { Tasks } from '../model/index.ts';
import type { RemoteSettings, SyncControllerDeps, SyncOutcome } from './sync-controller.ts';

/** A `run` for {@link SyncControllerDeps} over the app's open repository. */
export function syncRunnerFor(tasks: Tasks): SyncControllerDeps['run'] {
  return async (settings: RemoteSettings, onProgress): Promise<SyncOutcome> => {
    const { sync } = await import('../sync/index.ts');
    const auth = settings.username || settings.token ? { username: settings.username, password: settings.token } : undefined;
    const result = await sync(tasks.repo.git, {
      url: settings.url,
      branch: tasks.branch.name,
      ...(auth ? { auth } : {}),
      ...(settings.corsProxy.trim() ? { corsProxy: settings.corsProxy.trim() } : {}),
      onProgress,
    });
    // Another device's changes arrived: a merge can leave links to repair (a parent deleted
    // there, a context deleted there but used here). The repair is a commit the next sync sends.
    if (result.kind === 'pulled' || result.kind === 'merged-and-pushed') await tasks.repairLinks();
    return result;
  };
}
