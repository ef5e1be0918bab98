import { useNow } from '../history/use-now.ts';
import { savedWhere } from '../sync-state.ts';
import { clockTime, describeProgress, failureWords, isUpToDate, progressBar } from '../sync-words.ts';
import { useSync } from './sync-context.ts';

const RESULT_WORDS: Record<string, string> = {
  'up-to-date': 'already up to date',
  pushed: 'sent this device’s changes',
  pulled: 'received changes from the remote',
  'merged-and-pushed': 'merged changes from both sides and sent the result',
};

/** The Sync tab's account of the last sync, the running one, or the failure, in the status bar's terms. */
export function SyncStatusPanel() {
  const { state } = useSync();
  const now = useNow(15_000).getTime();
  const where = savedWhere(state);
  const headline =
    state.remoteUrl === undefined
      ? 'No remote is set: changes are saved on this device only.'
      : isUpToDate(state, now)
        ? 'Up to date with the remote: it has every change made here.'
        : where === 'remote'
          ? `Every change made here is on the remote, as of ${clockTime(state.lastSyncAt!)}.`
          : 'The latest changes are saved on this device only.';
  const progress = state.progress;
  const bar = progressBar(progress);
  return (
    <section className="card" aria-labelledby="sync-status-title">
      <h2 id="sync-status-title">Status</h2>
      <p data-testid="sync-saved-where">{headline}</p>
      <dl className="facts">
        <dt>Remote</dt>
        <dd>{state.remoteUrl ?? 'none set'}</dd>
        <dt>Last sync</dt>
        <dd>
          {state.lastSyncAt === undefined
            ? 'never'
            : `${clockTime(state.lastSyncAt)}${state.lastResult ? `: ${RESULT_WORDS[state.lastResult] ?? state.lastResult}` : ''}`}
        </dd>
        <dt>Latest commit here</dt>
        <dd>
          <code>{state.localHead?.slice(0, 12) ?? 'none yet'}</code>
        </dd>
        <dt>Network</dt>
        <dd>{state.online ? 'online' : 'offline'}</dd>
      </dl>
      {state.phase === 'syncing' && !state.background && (
        <div className="progress" role="status">
          <span>Syncing: {describeProgress(progress)}</span>
          <progress max={bar?.max} value={bar?.value} aria-label="Sync progress" />
        </div>
      )}
      {state.phase === 'error' && state.error && (
        <div className="banner error" role="alert" data-testid="sync-error" data-code={state.error.code}>
          <span>
            <strong>Not synced: {failureWords(state.error)}.</strong> {state.error.message}
          </span>
        </div>
      )}
    </section>
  );
}
