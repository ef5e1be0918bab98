import { useState } from 'react';
import { usePwa } from './pwa-context.ts';

/** "Update available — Reload" when a new service worker waits. */
export function UpdatePrompt() {
  const { store, state } = usePwa();
  const [reloading, setReloading] = useState(false);
  if (!store || !state.updateWaiting) return null;
  const reload = (): void => {
    setReloading(true);
    void store.applyUpdate();
  };
  return (
    <div className="toast" role="alert">
      <span>Update available: a new version of Taskgit is ready.</span>
      <button type="button" className="button primary" onClick={reload} disabled={reloading}>
        {reloading ? 'Reloading…' : 'Reload'}
      </button>
      <button type="button" className="button" onClick={() => store.dismissUpdate()}>
        Later
      </button>
    </div>
  );
}
