import { useEffect, useState } from 'react';
import type { Tasks } from '../../model/index.ts';

/** Says so when a new head could not be read (the previous snapshot stays on screen). */
export function RefreshErrorBanner({ tasks }: { tasks: Tasks }) {
  const [error, setError] = useState<unknown>();
  useEffect(() => tasks.subscribe(() => setError(undefined), setError), [tasks]);
  if (error === undefined) return null;
  return (
    <div className="banner error" role="alert">
      <span>
        Could not read the latest changes: {error instanceof Error ? error.message : String(error)}. What you see may be
        out of date.
      </span>
      <button type="button" className="button" onClick={() => location.reload()}>
        Reload
      </button>
    </div>
  );
}
