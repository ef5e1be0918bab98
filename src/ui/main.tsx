// A placeholder first screen: opens the store, shows the head commit, and commits a note on a
// click. It proves the build and the store work end to end; the real UI replaces it.
import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { openRepo } from '../store/index.ts';
import type { Branch } from '../store/types.ts';

interface State {
  branch: Branch;
  head: string | undefined;
  commits: number;
}

async function readState(branch: Branch): Promise<State> {
  const [head, history] = await Promise.all([branch.head(), branch.history()]);
  return { branch, head, commits: history.length };
}

function App() {
  const [state, setState] = useState<State>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let closed = false;
    let stop: (() => void) | undefined;
    const opened = openRepo({ name: 'taskgit' });
    opened
      .then((repo) => repo.branch())
      .then(async (branch) => {
        if (closed) return;
        stop = branch.watch(() => void readState(branch).then(setState));
        setState(await readState(branch));
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
      setState(await readState(state.branch));
    } catch (cause) {
      setError(String(cause));
    }
  }, [state]);

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
