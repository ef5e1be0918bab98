import { useEffect, useState } from 'react';

/** Shown while the repository opens; after a few seconds, a hint about what may hold it up. */
export function LoadingScreen() {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), 5000);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className="screen" role="status" aria-live="polite">
      <h1 className="screen-title">Taskgit</h1>
      <p>Opening your tasks…</p>
      {slow && (
        <p className="muted">
          This is taking long. If Taskgit is open in another tab with an older version, close that tab; the storage is
          upgraded only when no old tab holds it.
        </p>
      )}
    </div>
  );
}
