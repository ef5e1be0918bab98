import { useState } from 'react';
import { demoDataEdit, startEmptyEdit, type Edit, type Snapshot } from '../../model/index.ts';
import { useTasks } from '../tasks/tasks-context.ts';

type Start = (snapshot: Snapshot, now: Date, newId: () => string) => Edit;

/**
 * The first run's welcome, while the repository has no commit: start with demo data, or
 * start empty (just the repeating weekly review). Either makes the first commit, and a
 * repository with a commit never shows this again, on any device it syncs to.
 */
export function WelcomePanel() {
  const tasks = useTasks();
  const [busy, setBusy] = useState(false);
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

  return (
    <section className="card welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">Welcome to Taskgit</h2>
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
      </div>
      <p className="hint">
        The demo is a small made-up life and job to try every feature on; delete it whenever you like. Starting empty adds only a weekly
        review that repeats every week. Have tasks on another device? Set up <a href="#/sync">Sync</a>, or import an export in{' '}
        <a href="#/history">History</a>.
      </p>
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
