import { savedWhere } from '../sync-controller.ts';
import { clockTime, describeProgress } from '../sync-words.ts';
import { useSync } from './sync-context.ts';

const RESULT_WORDS: Record<string, string> = {
  'up-to-date': 'already up to date',
  pushed: 'sent this device’s changes',
  pulled: 'received changes from the remote',
  'merged-and-pushed': 'merged changes from both sides and sent the result',
};

/** The Sync tab's account of the last sync, the running one, or the failure. */
export function SyncStatusPanel() {
  const { state } = useSync();
  const where = savedWhere(state);
  return (
    <section className="card" aria-labelledby="sync-status-title">
      <h2 id="sync-status-title">Status</h2>
      <p data-testid="sync-saved-where">
        {where === 'remote' ? 'Everything is saved on the remote.' : 'The latest changes are saved on this device only.'}
      </p>
      <dl className="facts">
        <dt>Remote</dt>
        <dd>{state.remoteUrl ?? 'none set'}</dd>
        <dt>Last sync</dt>
        <dd>
          {state.lastSyncAt === undefined
            ? 'never'
            : `${clockTime(state.lastSyncAt)}${state.lastResult ? `: ${RESULT_WORDS[state.lastResult] ?? state.lastResult}` : ''}`}
        </dd>
        <dt>This device</dt>
        <dd>
          <code>{state.localHead?.slice(0, 12) ?? 'no commits yet'}</code>
        </dd>
        <dt>Network</dt>
        <dd>{state.online ? 'online' : 'offline'}</dd>
      </dl>
      {state.phase === 'syncing' && (
        <div className="progress" role="status">
          <span>Syncing: {describeProgress(state.progress)}</span>
          <progress
            max={state.progress?.total ?? undefined}
            value={state.progress?.total ? state.progress.loaded : undefined}
            aria-label="Sync progress"
          />
        </div>
      )}
      {state.phase === 'error' && state.error && (
        <div className="banner error" role="alert" data-testid="sync-error">
          <strong>Sync failed ({state.error.code}).</strong> {state.error.message}
        </div>
      )}
    </section>
  );
}
