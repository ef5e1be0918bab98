// A placeholder first screen: opens the store, shows the head commit, commits a note on a click
// and syncs with the local git remote. It proves the build, the store and sync work end to end;
// the real UI replaces it.
import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { openRepo } from '../store/index.ts';
import type { Branch, Repo } from '../store/types.ts';

/** The remote `npm start` serves beside the app, announced in /config.json. */
async function readDefaultRemote(): Promise<string | undefined> {
  try {
    const response = await fetch('/config.json', { cache: 'no-store' });
    if (!response.ok) return undefined;
    const config = (await response.json()) as { defaultRemote?: unknown };
    return typeof config.defaultRemote === 'string' ? config.defaultRemote : undefined;
  } catch {
    return undefined;
  }
}

interface State {
  repo: Repo;
  branch: Branch;
  head: string | undefined;
  commits: number;
}

async function readState(repo: Repo, branch: Branch): Promise<State> {
  const [head, history] = await Promise.all([branch.head(), branch.history()]);
  return { repo, branch, head, commits: history.length };
}

function App() {
  const [state, setState] = useState<State>();
  const [error, setError] = useState<string>();
  const [remote, setRemote] = useState<string>();
  const [syncStatus, setSyncStatus] = useState<string>('not synced yet');

  useEffect(() => {
    void readDefaultRemote().then(setRemote);
  }, []);

  useEffect(() => {
    let closed = false;
    let stop: (() => void) | undefined;
    const opened = openRepo({ name: 'taskgit' });
    opened
      .then(async (repo) => {
        const branch = await repo.branch();
        if (closed) return;
        stop = branch.watch(() => void readState(repo, branch).then(setState));
        setState(await readState(repo, branch));
      })
      .catch((cause: unknown) => setError(String(cause)));
    return () => {
      closed = true;
      stop?.();
      void opened.then((repo) => repo.close()).catch(() => undefined);
    };
  }, []);

  const addNote = useCallback(async () => {
    if (!state) return;
    const now = new Date();
    try {
      await state.branch.set(`notes/${crypto.randomUUID()}.txt`, `Note written ${now.toISOString()}\n`, {
        message: `Add a note written at ${now.toLocaleTimeString()}`,
      });
      setState(await readState(state.repo, state.branch));
    } catch (cause) {
      setError(String(cause));
    }
  }, [state]);

  const syncNow = useCallback(async () => {
    if (!state || !remote) return;
    setSyncStatus('syncing…');
    try {
      // Sync's code loads on first use, so the first screen does not wait for it.
      const { sync } = await import('../sync/index.ts');
      const result = await sync(state.repo, { url: remote });
      setSyncStatus(`${result.kind} at ${new Date().toLocaleTimeString()}`);
      setState(await readState(state.repo, state.branch));
    } catch (cause) {
      setSyncStatus(cause instanceof Error ? cause.message : String(cause));
    }
  }, [state, remote]);

  return (
    <main>
      <h1>Taskgit</h1>
      {error && <p role="alert">{error}</p>}
      {state ? (
        <>
          <p>
            Head commit: <code data-testid="head">{state.head ?? '(none yet)'}</code>
          </p>
          <p>
            Commits in history: <span data-testid="commits">{state.commits}</span>
          </p>
          <button type="button" onClick={() => void addNote()}>
            Add note
          </button>
          {remote && (
            <p>
              <button type="button" onClick={() => void syncNow()}>
                Sync with {remote}
              </button>{' '}
              <span role="status" data-testid="sync-status">
                {syncStatus}
              </span>
            </p>
          )}
        </>
      ) : (
        !error && <p>Opening the store…</p>
      )}
    </main>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
