import { useState } from 'react';
import { demoDataEdit, startEmptyEdit, type Edit, type Snapshot } from '../../model/index.ts';
// errors.ts alone (no import of its own) joins the first screen's bundle; sync itself loads lazily.
import { describeRemote } from '../../sync/errors.ts';
import { useSync } from '../sync/sync-context.ts';
import { describeProgress, failureWords } from '../sync-words.ts';
import { useTasks } from '../tasks/tasks-context.ts';
import { DraftMark } from '../drafts/index.ts';
import { useSettingsDraftWaiting } from '../sync/settings-draft.ts';
import { ConnectForm } from './connect-form.tsx';
import { useCueKeeperDraftWaiting } from './cuekeeper-panel.tsx';
import { CueKeeperPanel } from './cuekeeper-panel.tsx';

type Start = (snapshot: Snapshot, now: Date, newId: () => string) => Edit;

/**
 * The first run's welcome, while the repository has no commit: start with demo data, start
 * empty (just the repeating weekly review), or connect to an existing remote, whose history
 * then arrives before anything is written here. While a remote is set and its first sync has
 * not answered, the starts wait (they would put starter records beside the remote's); a remote
 * that turns out empty, or cannot be reached, says so and offers them again. A remote's address
 * or a CueKeeper URL typed before a reload is there again, its form open.
 */
export function WelcomePanel() {
  const tasks = useTasks();
  const { state, controller } = useSync();
  const [busy, setBusy] = useState(false);
  // A remote's address typed earlier (here or in Sync) and not saved: its form opens with it.
  const remoteDrafted = useSettingsDraftWaiting();
  const [connecting, setConnecting] = useState<'clicked' | 'draft' | false>(() => (remoteDrafted ? 'draft' : false));
  const cueKeeperDrafted = useCueKeeperDraftWaiting();
  const [cueKeeperOpen] = useState(cueKeeperDrafted);
  const [error, setError] = useState<string>();

  const start = async (edit: Start): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await tasks.run((snapshot) => edit(snapshot, new Date(), () => crypto.randomUUID()));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setBusy(false);
    }
  };

  const remote = state.remoteUrl;
  const failed = state.phase === 'error' && state.error !== undefined;
  // A remote is set and has not answered yet: it may hold this person's tasks.
  const looking = remote !== undefined && state.online && state.lastSyncAt === undefined && !failed;
  // The remote answered, and is empty (with tasks there, this panel would be gone).
  const reached = remote !== undefined && !failed && state.lastSyncAt !== undefined;
  return (
    <section className="card welcome" aria-labelledby="welcome-title" data-testid="welcome">
      <h2 id="welcome-title">Welcome to Taskgit</h2>
      {looking ? (
        <p role="status" data-testid="welcome-status">
          Looking for your tasks on {describeRemote(remote)}… {state.phase === 'syncing' ? describeProgress(state.progress) : ''}
        </p>
      ) : (
        <>
          {remote !== undefined && failed && (
            <div className="banner error" role="alert" data-testid="welcome-status">
              <span>
                <strong>Could not bring your tasks: {failureWords(state.error!)}.</strong> {state.error!.message}
              </span>
              <button type="button" className="button" onClick={() => void controller.syncNow()}>
                Try again
              </button>
            </div>
          )}
          {reached && (
            <p className="banner ok" role="status" data-testid="welcome-status">
              {describeRemote(remote!)} is empty: start here, and what you start with is sent there.
            </p>
          )}
          <p>
            Your tasks live in this browser, and every change is a git commit you can look back on in History. How would you like to start?
          </p>
          <div className="button-row">
            <button type="button" className="button primary" disabled={busy} onClick={() => void start(demoDataEdit)}>
              Start with demo data
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => void start(startEmptyEdit)}>
              Start empty
            </button>
            {!connecting && !reached && (
              <button type="button" className="button" disabled={busy} onClick={() => setConnecting('clicked')}>
                Connect to an existing remote
                <DraftMark waiting={remoteDrafted} />
              </button>
            )}
          </div>
          {connecting && !reached && <ConnectForm autoFocus={connecting === 'clicked'} onCancel={() => setConnecting(false)} />}
          <p className="hint">
            The demo is a small made-up life and job to try every feature on; delete it whenever you like. Starting empty adds only a weekly
            review that repeats every week. Have tasks on another device? Connect to the remote it syncs with, or import an export in{' '}
            <a href="#/history">History</a>.
          </p>
        </>
      )}
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      <details className="welcome-cuekeeper" open={cueKeeperOpen || undefined}>
        <summary>Coming from CueKeeper?</summary>
        <CueKeeperPanel disabled={busy} onOpened={() => (window.location.hash = '#/process')} />
      </details>
    </section>
  );
}
