import { useEffect, useState } from 'react';
import { describeCommit, type Commit, type CommitChanges as Changes, type Tasks } from '../../model/index.ts';

/** Lines shown before "Show all". */
const SHOWN_LINES = 60;
/** Descriptions already read (a commit never changes), newest last. */
const cache = new Map<string, Promise<Changes>>();
const CACHE_SIZE = 200;

function describeOnce(tasks: Tasks, commit: Commit): Promise<Changes> {
  const key = `${tasks.repo.name}:${commit.id}`;
  let found = cache.get(key);
  if (!found) {
    found = describeCommit(tasks.repo, commit);
    found.catch(() => cache.delete(key));
    cache.set(key, found);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  return found;
}

type Loaded = { status: 'loading' } | { status: 'ready'; changes: Changes } | { status: 'failed'; message: string };

/** What a commit changed, in words; read when first shown. */
export function CommitChanges({ tasks, commit }: { tasks: Tasks; commit: Commit }) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [all, setAll] = useState(false);
  useEffect(() => {
    let live = true;
    describeOnce(tasks, commit).then(
      (changes) => live && setLoaded({ status: 'ready', changes }),
      (error: unknown) => live && setLoaded({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [tasks, commit]);

  if (loaded.status === 'loading') return <p className="muted commit-changes-status">Reading the changes…</p>;
  if (loaded.status === 'failed') {
    return (
      <p className="error-text" role="alert">
        Could not read this commit’s changes: {loaded.message}
      </p>
    );
  }
  const { lines } = loaded.changes;
  if (lines.length === 0) return <p className="muted commit-changes-status">No file changed.</p>;
  const shown = all ? lines : lines.slice(0, SHOWN_LINES);
  return (
    <>
      <ul className="commit-changes" aria-label="Changes">
        {shown.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      {shown.length < lines.length && (
        <button type="button" className="link-button" onClick={() => setAll(true)}>
          Show all {lines.length} changes
        </button>
      )}
    </>
  );
}
